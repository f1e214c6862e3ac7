import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanParagraphs, cutDateline, isValidPartialDate, parseArticleText } from './parse-article.js'

const seed = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')
const VIETNAMPLUS = seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt')
const ANDREWS = seed('hoi-nghi-andrews-lo-trinh-chong-is.txt')

describe('parseArticleText on the vietnamplus seed', () => {
  const article = parseArticleText(VIETNAMPLUS)

  it('finds the title line', () => {
    expect(article?.title).toBe('Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS')
    expect(article?.titleDerived).toBe(false)
  })

  it('keeps the lead the page prints twice only once', () => {
    const lead = 'Liên minh chống lực lượng "Nhà nước Hồi giáo" (IS) tự xưng do Mỹ dẫn đầu ngày 20/7 đã nhất trí một kế hoạch nhằm tiêu diệt tổ chức khủng bố này tại Iraq và Syria.'
    expect(article?.lead, 'the sapo is the lead').toBe(lead)
    expect(article?.paragraphs, 'and not repeated in the body').not.toContain(lead)
  })

  it('moves the inline image caption out of the body', () => {
    expect(article?.captions).toEqual(['Bộ trưởng Quốc phòng Mỹ Ashton Carter. (Nguồn: www.epictimes.com)'])
    expect(article?.paragraphs.join('\n'), 'no caption text left').not.toMatch(/ảnh 1|epictimes/)
  })

  it('takes the closing credit as source and cuts the site furniture', () => {
    expect(article?.source).toBe('TTXVN/Vietnam+')
    expect(article?.paragraphs).toHaveLength(10)
    expect(article?.paragraphs.join('\n'), 'no boilerplate heading').not.toMatch(/Tin cùng chuyên mục/)
  })

  it('strips the wire end mark but leaves quotes and numbers intact', () => {
    expect(article?.paragraphs.at(-1), 'the ./. end mark becomes a period').toMatch(/bình thường\.$/)
    expect(article?.paragraphs.join(' ')).toContain('"khoanh vùng"')
    expect(article?.paragraphs.join(' ')).toContain('lên 500 người')
    expect(article?.lead).toContain('ngày 20/7')
  })

  it('has no date', () => {
    expect(article?.publishedAt).toBeNull()
  })
})

describe('parseArticleText on the Andrews seed (starts mid-story)', () => {
  const article = parseArticleText(ANDREWS)

  it('reads the leading date marker at month precision', () => {
    expect(article?.publishedAt).toBe('2017-03')
  })

  it('derives a title from the first sentence and says so', () => {
    expect(article?.titleDerived).toBe(true)
    expect(article?.title, 'the first words of the first sentence').toMatch(/^Trong bối cảnh đó, ngày 20-7 \(giờ địa phương\)/)
    expect(article?.title.endsWith('…'), 'a long sentence is cut with an ellipsis').toBe(true)
    expect(article?.title).not.toMatch(/^date/)
  })

  it('keeps every paragraph, with no lead and no source', () => {
    expect(article?.lead).toBeNull()
    expect(article?.paragraphs).toHaveLength(7)
    expect(article?.paragraphs[0], 'the date marker is gone').toMatch(/^Trong bối cảnh đó/)
    expect(article?.source).toBeNull()
    expect(article?.paragraphs.join(' '), 'curly quotes survive').toContain('“khối u thánh chiến”')
  })
})

describe('parseArticleText edge cases', () => {
  it('normalizes NFD input to the same article as NFC', () => {
    expect(parseArticleText(VIETNAMPLUS.normalize('NFD'))).toEqual(parseArticleText(VIETNAMPLUS))
  })

  it('returns null when only boilerplate is left', () => {
    expect(parseArticleText('Tin cùng chuyên mục\nBài A\nBài B')).toBeNull()
    expect(parseArticleText('   \n\n  ')).toBeNull()
  })

  it('returns null for a caption alone', () => {
    expect(parseArticleText('Người dân xuống đường - Ảnh: AFP')).toBeNull()
  })

  it('treats a single line as one paragraph with a derived title', () => {
    const article = parseArticleText('Giá xăng giảm 500 đồng mỗi lít từ 15h chiều nay.')
    expect(article?.titleDerived).toBe(true)
    expect(article?.title).toBe('Giá xăng giảm 500 đồng mỗi lít từ 15h chiều nay')
    expect(article?.paragraphs).toEqual(['Giá xăng giảm 500 đồng mỗi lít từ 15h chiều nay.'])
  })

  it('does not cut prose that merely starts like a heading', () => {
    const article = parseArticleText('Tiêu đề\n\nMở đầu.\n\nXem thêm các quy định mới về thuế thu nhập cá nhân được ban hành trong tháng này tại cổng thông tin.\n\nKết.')
    expect(article?.paragraphs).toHaveLength(2)
  })

  it('ignores an impossible date marker', () => {
    expect(parseArticleText('date 2017-13 Tin.\n\nThêm.')?.publishedAt).toBeNull()
  })
})

describe('cleanParagraphs', () => {
  it('drops repeated paragraphs, captions and the closing credit', () => {
    const cleaned = cleanParagraphs(['Một.', 'Ảnh minh họa', 'Một.', 'Hai./.', '(Theo Reuters)', 'Tin liên quan', 'Ba.'])
    expect(cleaned).toEqual({ paragraphs: ['Một.', 'Hai.'], captions: [], source: 'Reuters' })
  })

  it('drops related-article lines without ending the article', () => {
    const cleaned = cleanParagraphs([
      'Cháy lớn tại chợ Đồng Xuân.',
      '>> Pháp, Mexico giận dữ đòi Mỹ giải thích về cáo buộc do thám',
      'Xem thêm: Hà Nội ra quân kiểm tra phòng cháy',
      'Clip: Hiện trường vụ cháy',
      'Lực lượng cứu hỏa đã khống chế đám cháy.',
    ])
    expect(cleaned.paragraphs).toEqual(['Cháy lớn tại chợ Đồng Xuân.', 'Lực lượng cứu hỏa đã khống chế đám cháy.'])
  })

  it.each<[string, string, string | null]>([
    ['… bà Harf khẳng định. CT (Theo AP/RIA Novosti)', '… bà Harf khẳng định.', 'AP/RIA Novosti'],
    ['… điều tra làm rõ. H.Y (tổng hợp)', '… điều tra làm rõ.', null],
    ['… với tốc độ từ 7-7,2%./. Đỗ Tuấn Anh/VOV-Phnom Penh', '… với tốc độ từ 7-7,2%.', null],
    ['… tẩy chay họp quốc hội. NGUYỆT PHƯƠNG', '… tẩy chay họp quốc hội.', null],
    ['… vào ngày 3.12. B.M.', '… vào ngày 3.12.', null],
    ['… tranh chấp gay gắt với Trung Quốc. Gia Tùng Theo Inquirer, Telegraph', '… tranh chấp gay gắt với Trung Quốc.', null],
  ])('cuts the signature that ends a flattened body: %j', (body, text, source) => {
    const cleaned = cleanParagraphs(['Mở đầu bài viết.', body])
    expect(cleaned.paragraphs).toEqual(['Mở đầu bài viết.', text])
    expect(cleaned.source).toBe(source)
  })

  it('keeps an unpunctuated last sentence, which reads as reporting', () => {
    const body = 'Tàu Nhật đuổi tàu Trung Quốc. Năm 2013, tàu tuần tra Nhật Bản đuổi tàu cảnh sát biển Trung Quốc ở vùng biển đảo Senkaku'
    expect(cleanParagraphs([body]).paragraphs).toEqual([body])
  })

  it('drops a byline on a line of its own', () => {
    expect(cleanParagraphs(['Một câu.', 'Hai câu.', 'NGUYỆT PHƯƠNG']).paragraphs).toEqual(['Một câu.', 'Hai câu.'])
  })
})

describe('the dateline tag', () => {
  it('is cut from the lead and names the source when the page has no closing credit', () => {
    const article = parseArticleText('Cháy chợ Đồng Xuân\n\nTTO - Rạng sáng nay, một đám cháy lớn bùng phát tại chợ Đồng Xuân.\n\nLực lượng cứu hỏa có mặt sau 10 phút.')
    expect(article?.lead).toBe('Rạng sáng nay, một đám cháy lớn bùng phát tại chợ Đồng Xuân.')
    expect(article?.source).toBe('TTO')
  })

  it('is cut from the body when there is no lead', () => {
    const { paragraphs, outlet } = cutDateline(null, ['(Dân trí) - Không khí lạnh tăng cường.', 'Hai.'])
    expect(paragraphs).toEqual(['Không khí lạnh tăng cường.', 'Hai.'])
    expect(outlet).toBe('Dân trí')
  })
})

describe('isValidPartialDate', () => {
  it.each([
    ['2017-03', true],
    ['2016-02-29', true],
    ['2017-02-29', false],
    ['2017-00', false],
    ['2017-3', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidPartialDate(value)).toBe(expected)
  })
})
