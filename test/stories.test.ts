/**
 * Story grouping at ingest, corrections (PUT/DELETE) and the single writer
 * under concurrent requests, in workerd with the real Durable Object and KV.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { SEEDS, TOKEN, call, kvKeys, postJson, postText, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

type ArticleBody = { id: string; storyId: string; title: string; source: string | null; lead: string | null }
type StoryBody = { id: string; title: string; articleCount: number; articles: { id: string }[] }

function put(id: string, body: unknown, token = TOKEN): Promise<Response> {
  return call(`/v1/articles/${id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

function remove(id: string, token = TOKEN): Promise<Response> {
  return call(`/v1/articles/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })
}

async function story(id: string): Promise<StoryBody> {
  const res = await call(`/v1/stories/${id}`)
  expect(res.status, `story ${id} exists`).toBe(200)
  return (await res.json()) as StoryBody
}

describe('grouping at ingest', () => {
  it('puts the two seed reports of one meeting into one story with no hint', async () => {
    const a = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    const b = (await (await postText(SEEDS.andrews)).json()) as ArticleBody
    expect(a.storyId, 'every article gets a story').toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(b.storyId, 'the second report joins the first one’s story').toBe(a.storyId)
    await settle()
    const grouped = await story(a.storyId)
    expect(grouped.articles.map((x) => x.id).sort()).toEqual([a.id, b.id].sort())
  })

  it('starts a new story for an unrelated report', async () => {
    const a = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    const other = (await (
      await postJson({
        title: 'Giá xăng giảm 500 đồng mỗi lít từ chiều nay',
        body: 'Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu. Xăng RON 95 giảm 500 đồng mỗi lít, dầu diesel giảm 300 đồng. Đây là lần giảm thứ ba liên tiếp trong tháng.',
      })
    ).json()) as ArticleBody
    expect(other.storyId).not.toBe(a.storyId)
  })

  it('keeps two fires of one morning in one city apart, and joins a second outlet’s report of the first', async () => {
    // Told in the same words, as outlets tell fires; only where they happened differs.
    const fire = (place: string, lead: string, minutes: number) => ({
      title: `Cháy lớn tại ${place}, hàng trăm người sơ tán`,
      lead: `TTO - Rạng sáng nay, một đám cháy lớn bùng phát tại ${lead}, Hà Nội, lực lượng cảnh sát phòng cháy chữa cháy đã khống chế ngọn lửa sau ${minutes} phút.`,
      body: `Ngọn lửa bùng lên lúc 3h sáng, khói đen bốc cao hàng chục mét. Cảnh sát phòng cháy chữa cháy điều nhiều xe chữa cháy tới hiện trường. Không có thiệt hại về người, nguyên nhân vụ cháy đang được điều tra.`,
      publishedAt: '2026-11-24T06:00:00+07:00',
    })
    const cauGiay = (await (await postJson(fire('quận Cầu Giấy', 'một dãy nhà ở quận Cầu Giấy', 90))).json()) as ArticleBody
    const dongXuan = (await (await postJson(fire('chợ Đồng Xuân', 'chợ Đồng Xuân', 120))).json()) as ArticleBody
    const again = (await (
      await postJson({
        title: 'Hà Nội: Hỏa hoạn ở Cầu Giấy lúc rạng sáng',
        lead: '(Dân trí) - Vụ cháy xảy ra tại một dãy nhà ở quận Cầu Giấy khiến hàng trăm người phải sơ tán trong đêm.',
        body: 'Cảnh sát phòng cháy chữa cháy đã khống chế ngọn lửa sau hai giờ, không có thiệt hại về người.',
        publishedAt: '2026-11-24T07:30:00+07:00',
      })
    ).json()) as ArticleBody
    expect(cauGiay.source, 'the dateline tag names the outlet').toBe('TTO')
    expect(cauGiay.lead, 'and leaves the lead').toMatch(/^Rạng sáng nay/)
    expect(dongXuan.storyId, 'the fire at Đồng Xuân market is its own story').not.toBe(cauGiay.storyId)
    expect(again.storyId, 'a second report of the Cầu Giấy fire joins it').toBe(cauGiay.storyId)
    await settle()
    expect((await story(cauGiay.storyId)).articles.map((x) => x.id).sort()).toEqual([cauGiay.id, again.id].sort())
  })

  it('keeps two trials of one morning at one court apart, and joins a second outlet’s report of the first', async () => {
    // Told in the same words, as outlets tell trials; only who stands trial differs.
    const trial = (name: string, company: string) => ({
      title: `Xét xử nguyên giám đốc ${name} tham ô 200 tỷ đồng`,
      lead: `TTO - Sáng nay, Tòa án nhân dân TP Hà Nội mở phiên xét xử sơ thẩm ông ${name}, nguyên giám đốc Công ty ${company}, về tội tham ô tài sản.`,
      body: 'Theo cáo trạng, bị cáo đã lợi dụng chức vụ, quyền hạn để chiếm đoạt tiền của công ty, gây thiệt hại hơn 200 tỷ đồng. Tại tòa, bị cáo thừa nhận hành vi phạm tội. Phiên tòa dự kiến kéo dài ba ngày, hội đồng xét xử sẽ tuyên án vào cuối tuần.',
      publishedAt: '2026-11-24T09:00:00+07:00',
    })
    const khoi = (await (await postJson(trial('Trần Minh Khôi', 'Hòa Phát Đạt'))).json()) as ArticleBody
    const vinh = (await (await postJson(trial('Lê Quang Vinh', 'Sông Đà Xanh'))).json()) as ArticleBody
    const again = (await (
      await postJson({
        title: 'Nguyên giám đốc Trần Minh Khôi hầu tòa',
        lead: '(Dân trí) - Bị cáo Trần Minh Khôi bị truy tố về tội tham ô tài sản, gây thiệt hại hơn 200 tỷ đồng cho công ty.',
        body: 'Tại phiên xét xử sáng nay, bị cáo thừa nhận đã chiếm đoạt tiền của công ty. Hội đồng xét xử sẽ tuyên án vào cuối tuần.',
        publishedAt: '2026-11-24T10:30:00+07:00',
      })
    ).json()) as ArticleBody
    expect(vinh.storyId, 'the trial of Lê Quang Vinh is its own story').not.toBe(khoi.storyId)
    expect(again.storyId, 'a second report of the trial of Trần Minh Khôi joins it').toBe(khoi.storyId)
    await settle()
    expect((await story(khoi.storyId)).articles.map((x) => x.id).sort()).toEqual([khoi.id, again.id].sort())
    expect((await story(vinh.storyId)).articles.map((x) => x.id)).toEqual([vinh.id])
  })

  it('files a report close to two stories under the one its headline and lead tell', async () => {
    // The final's report recalls, in its body, the squad named the day before: its words are nearer the squad story.
    const post = async (title: string, lead: string, body: string, publishedAt: string) => (await (await postJson({ title, lead, body, publishedAt })).json()) as ArticleBody
    const squad = await post(
      'Công bố danh sách U22 Việt Nam dự BIDC Cup',
      'VFF vừa công bố danh sách 30 cầu thủ U22 Việt Nam tập trung chuẩn bị cho giải BIDC Cup tại Campuchia.',
      'Trong danh sách có tiền vệ Nguyễn Văn Toàn, tiền đạo Nguyễn Công Phượng và thủ môn Phí Minh Long. Huấn luyện viên Hoàng Văn Phúc cho biết các cầu thủ sẽ hội quân vào cuối tuần tại Hà Nội. Đội sẽ tập luyện hai tuần trước khi sang Campuchia dự BIDC Cup, giải đấu giao hữu quan trọng trước SEA Games.',
      '2026-11-23T09:00:00+07:00',
    )
    const final = await post(
      'U21 Việt Nam vô địch giải U21 Quốc tế sau loạt sút luân lưu',
      'Tối qua, U21 Việt Nam thắng U21 Sydney trên chấm luân lưu để lần đầu đăng quang giải U21 Quốc tế tại sân Thống Nhất.',
      'Hai đội hòa 1-1 sau 120 phút, U21 Việt Nam thắng 4-3 trên chấm luân lưu. Thủ môn cản phá cú sút cuối cùng của U21 Sydney mang về chức vô địch. Hàng nghìn cổ động viên ăn mừng trên sân Thống Nhất.',
      '2026-11-24T07:00:00+07:00',
    )
    const report = await post(
      'U21 Việt Nam đăng quang giải U21 Quốc tế sau loạt luân lưu',
      'U21 Việt Nam thắng U21 Sydney trên chấm luân lưu tối qua, lần đầu vô địch giải U21 Quốc tế.',
      'Sau chức vô địch, tiền vệ Nguyễn Văn Toàn, tiền đạo Nguyễn Công Phượng và thủ môn Phí Minh Long sẽ lên tập trung cùng U22 Việt Nam. VFF đã công bố danh sách 30 cầu thủ U22 Việt Nam chuẩn bị cho giải BIDC Cup tại Campuchia, huấn luyện viên Hoàng Văn Phúc cho các cầu thủ hội quân vào cuối tuần tại Hà Nội trước khi sang Campuchia dự BIDC Cup.',
      '2026-11-24T09:00:00+07:00',
    )
    expect(final.storyId, 'two stories').not.toBe(squad.storyId)
    expect(report.storyId, 'the final’s report joins the final').toBe(final.storyId)
    await settle()
    expect((await story(squad.storyId)).articles.map((x) => x.id)).toEqual([squad.id])
  })

  it('keeps apart two events of one running topic whose bodies share background but whose headlines and leads do not', async () => {
    // A metro line's trial run and, the same morning, its proposed fares: the fares report recalls the line
    // (whole-text cosine ≈ 0.26, above the whole-text threshold of 0.18) but its headline and lead tell
    // another event (≈ 0.03); mixed, ≈ 0.15 < 0.16.
    const post = async (title: string, lead: string, body: string, publishedAt: string) => (await (await postJson({ title, lead, body, publishedAt })).json()) as ArticleBody
    const trial = await post(
      'Tàu metro Bến Thành – Tham Lương chạy thử toàn tuyến lần đầu',
      'Sáng nay, đoàn tàu đầu tiên của tuyến metro số 2 Bến Thành – Tham Lương chạy thử toàn tuyến với tốc độ 80 km/h, chở theo kỹ sư và đại diện chủ đầu tư.',
      'Tuyến metro số 2 Bến Thành – Tham Lương dài 11 km, có 10 nhà ga ngầm và một nhà ga trên cao, tổng mức đầu tư hơn 47.000 tỷ đồng. Ban Quản lý đường sắt đô thị cho biết dự án đã chậm tiến độ nhiều năm vì vướng giải phóng mặt bằng. Khi đi vào khai thác, tuyến metro dự kiến phục vụ 200.000 lượt khách mỗi ngày, giảm ùn tắc cho khu vực trung tâm. Trong đợt chạy thử, đoàn tàu dừng ở từng nhà ga để kiểm tra hệ thống tín hiệu, cửa chắn sân ga và thiết bị cấp điện. Việc chạy thử sẽ kéo dài 30 ngày trước khi đánh giá an toàn hệ thống.',
      '2026-11-24T09:00:00+07:00',
    )
    const fares = await post(
      'TP.HCM đề xuất giá vé metro thấp nhất 12.000 đồng mỗi lượt',
      'Sở Tài chính vừa trình thành phố phương án giá vé, thấp nhất 12.000 đồng và cao nhất 20.000 đồng một lượt, vé tháng 300.000 đồng.',
      'Phương án áp dụng cho tuyến metro số 2 Bến Thành – Tham Lương. Tuyến metro Bến Thành – Tham Lương được khởi công từ năm 2021. Tuyến metro dự kiến được đưa vào khai thác cuối năm sau. Theo phương án, học sinh, sinh viên và công nhân được giảm một nửa giá vé tháng, người trên 70 tuổi được đi miễn phí. Thành phố sẽ bù khoản chênh lệch giữa giá vé và chi phí vận hành trong năm năm đầu.',
      '2026-11-24T10:00:00+07:00',
    )
    const again = await post(
      'Chạy thử metro số 2: đoàn tàu đầu tiên đi hết 11 km',
      'Đoàn tàu metro số 2 Bến Thành – Tham Lương sáng nay lần đầu chạy thử hết toàn tuyến, đạt tốc độ 80 km/h.',
      'Các kỹ sư theo dõi hệ thống tín hiệu, cửa chắn sân ga và thiết bị cấp điện trong suốt hành trình. Đợt chạy thử kéo dài một tháng, sau đó cơ quan chức năng sẽ đánh giá an toàn trước khi tuyến được đưa vào khai thác thương mại.',
      '2026-11-24T11:00:00+07:00',
    )
    expect(fares.storyId, 'the fares are their own story').not.toBe(trial.storyId)
    expect(again.storyId, 'a second outlet’s report of the trial run joins it').toBe(trial.storyId)
    await settle()
    expect((await story(trial.storyId)).articles.map((x) => x.id).sort()).toEqual([trial.id, again.id].sort())
    expect((await story(fares.storyId)).articles.map((x) => x.id)).toEqual([fares.id])
  })

  it('joins the story a report names, even when its text differs', async () => {
    const a = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    const named = (await (await postJson({ title: 'Tin vắn', body: 'Một tin rất khác về thời tiết hôm nay ở Hà Nội.', storyId: a.storyId })).json()) as ArticleBody
    expect(named.storyId).toBe(a.storyId)
  })
})

describe('writes that lose nothing', () => {
  it('files 48 articles into 8 stories over 16 parallel requests, each story listing exactly its articles', async () => {
    const bodies = Array.from({ length: 48 }, (_, i) => ({
      title: `Bản tin ${i} của chuỗi ${i % 8}`,
      body: `Nội dung riêng số ${i}: sự kiện ${i * 7919} được ghi nhận lúc ${i} giờ tại điểm ${i * 31}.`,
      storyId: `chuoi-${i % 8}`,
    }))
    const ids = new Map<string, string[]>()
    let next = 0
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]
          if (body === undefined) break
          const res = await postJson(body)
          expect(res.status).toBe(201)
          const created = (await res.json()) as ArticleBody
          ids.set(body.storyId, [...(ids.get(body.storyId) ?? []), created.id])
        }
      }),
    )
    await settle()
    for (let s = 0; s < 8; s++) {
      const listed = await story(`chuoi-${s}`)
      expect(listed.articleCount, `chuoi-${s} count`).toBe(6)
      expect(listed.articles.map((a) => a.id).sort(), `chuoi-${s} members`).toEqual([...(ids.get(`chuoi-${s}`) ?? [])].sort())
    }
    const list = (await (await call('/v1/stories?limit=100')).json()) as { items: { id: string }[] }
    expect(list.items.filter((item) => item.id.startsWith('chuoi-'))).toHaveLength(8)
  })
})

describe('long stories', () => {
  it('lists every report of a 25-report story, and summarizes and titles it from the first and the 19 newest', async () => {
    const ids: string[] = []
    for (let i = 0; i < 25; i++) {
      const hour = String(i).padStart(2, '0')
      const res = await postJson({
        title: `Bão số 5 đổ bộ miền Trung, bản tin số ${i}`,
        body: `Lúc ${i} giờ ngày 1-9, bão số 5 cách bờ ${300 - i * 10} km, sức gió cấp ${8 + (i % 5)}. Tỉnh ${i} đã sơ tán ${1000 + i} hộ dân khỏi vùng ven biển. Mưa lớn kéo dài ở ${i + 2} huyện.`,
        publishedAt: `2026-09-01T${i < 24 ? hour : '23'}:${i < 24 ? '00' : '30'}:00+07:00`,
        storyId: 'bao-so-5',
      })
      expect(res.status).toBe(201)
      ids.push(((await res.json()) as ArticleBody).id)
    }
    await settle()
    const listed = await story('bao-so-5')
    expect(listed.articleCount).toBe(25)
    expect(
      listed.articles.map((a) => a.id),
      'every report, oldest first',
    ).toEqual(ids)
    const read = new Set([ids[0], ...ids.slice(6)])
    expect(listed.title, 'titled from a report it reads').toMatch(/bản tin số (0|[6-9]|1\d|2[0-4])$/)
    const stored = (await (await call('/v1/stories/bao-so-5/summary')).json()) as { sentences: { articleId: string }[]; text: string }
    expect(stored.sentences.length).toBeGreaterThan(0)
    for (const sentence of stored.sentences) expect(read.has(sentence.articleId), `credits ${sentence.articleId}, a report it reads`).toBe(true)
    const custom = (await (await call('/v1/stories/bao-so-5/summary?words=120')).json()) as { text: string }
    expect(custom.text, 'a request at the default length reads the same reports as the stored summary').toBe(stored.text)
  })
})

describe('corrections', () => {
  it('PUT moves an article to another story; membership, title and summaries follow', async () => {
    const a = (await (await postText(SEEDS.vietnamplus, '?storyId=hoi-nghi')).json()) as ArticleBody
    const b = (await (await postText(SEEDS.andrews, '?storyId=hoi-nghi')).json()) as ArticleBody
    await settle()
    expect((await story('hoi-nghi')).articleCount).toBe(2)
    const res = await put(b.id, {
      title: 'Kerry chủ trì hội nghị liên minh',
      body: 'Ngày 21-7, Ngoại trưởng Mỹ John Kerry chủ trì hội nghị các bộ trưởng ngoại giao của liên minh chống IS.',
      storyId: 'hoi-nghi-ngoai-truong',
    })
    expect(res.status).toBe(200)
    const replaced = (await res.json()) as ArticleBody & { updatedAt: string; ingestedAt: string }
    expect(replaced.id, 'the id stays').toBe(b.id)
    expect(replaced.storyId).toBe('hoi-nghi-ngoai-truong')
    await settle()
    const old = await story('hoi-nghi')
    expect(old.articles.map((x) => x.id)).toEqual([a.id])
    const moved = await story('hoi-nghi-ngoai-truong')
    expect(moved.title).toBe('Kerry chủ trì hội nghị liên minh')
    const summary = (await (await call(`/v1/articles/${b.id}/summary`)).json()) as { text: string }
    expect(summary.text, 'the stored summary follows the new text').toContain('John Kerry')
    const storySummary = (await (await call('/v1/stories/hoi-nghi/summary')).json()) as { sentences: { articleId: string }[] }
    expect(new Set(storySummary.sentences.map((s) => s.articleId)), 'the old story no longer quotes it').toEqual(new Set([a.id]))
  })

  it('DELETE removes an article from its story, and an emptied story goes', async () => {
    const a = (await (await postText(SEEDS.vietnamplus, '?storyId=hoi-nghi')).json()) as ArticleBody
    const b = (await (await postText(SEEDS.andrews, '?storyId=hoi-nghi')).json()) as ArticleBody
    await settle()
    expect((await remove(b.id)).status).toBe(204)
    await settle()
    expect((await call(`/v1/articles/${b.id}`)).status).toBe(404)
    expect((await call(`/v1/articles/${b.id}/summary`)).status).toBe(404)
    expect((await story('hoi-nghi')).articles.map((x) => x.id)).toEqual([a.id])
    expect((await remove(a.id)).status).toBe(204)
    await settle()
    expect((await call('/v1/stories/hoi-nghi')).status, 'empty story is gone').toBe(404)
    const list = (await (await call('/v1/articles')).json()) as { items: unknown[] }
    expect(list.items).toEqual([])
    const again = await postText(SEEDS.andrews)
    expect(again.status, 'a deleted article can be ingested again').toBe(201)
  })

  it('refuses bad corrections with problems and changes nothing', async () => {
    const a = (await (await postText(SEEDS.vietnamplus, '?storyId=hoi-nghi')).json()) as ArticleBody
    const b = (await (await postText(SEEDS.andrews, '?storyId=hoi-nghi')).json()) as ArticleBody
    await settle()
    const before = await kvKeys()
    const storyBefore = await story('hoi-nghi')
    const cases: [string, () => Promise<Response>, number, string][] = [
      ['PUT without token', () => put(a.id, { title: 'x', body: 'y.' }, 'wrong'), 401, 'unauthorized'],
      ['DELETE without token', () => remove(a.id, 'wrong'), 401, 'unauthorized'],
      ['PUT unknown id', () => put('0123456789abcdef', { title: 'x', body: 'Nội dung.' }), 404, 'article-not-found'],
      ['DELETE unknown id', () => remove('0123456789abcdef'), 404, 'article-not-found'],
      ['PUT non-slug storyId', () => put(a.id, { title: 'x', body: 'Nội dung.', storyId: 'Không Slug' }), 422, 'invalid-article'],
      [
        'PUT the text of another article',
        () => call(`/v1/articles/${a.id}`, { method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' }, body: SEEDS.andrews }),
        409,
        'duplicate-article',
      ],
    ]
    for (const [name, send, status, code] of cases) {
      const res = await send()
      expect(res.status, name).toBe(status)
      expect((await problemOf(res)).code, name).toBe(code)
    }
    await settle()
    expect(await kvKeys(), 'no key added or removed').toEqual(before)
    expect(await story('hoi-nghi'), 'the story unchanged').toEqual(storyBefore)
    for (const article of [a, b]) expect(await (await call(`/v1/articles/${article.id}`)).json(), `article ${article.title} unchanged`).toEqual(article)
  })
})
