import { describe, expect, it } from 'vitest'
import { MAX_SENTENCE_WORDS, isCaption, mayHoldFusedCaption, segmentSentences, splitSentences } from './sentences.js'

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['abbreviations before names', 'PGS.TS. Nguyễn Văn A phát biểu. TS. Lê B đồng ý.', ['PGS.TS. Nguyễn Văn A phát biểu.', 'TS. Lê B đồng ý.']],
    ['dots inside tokens', 'Hơn 5.000 người ở TP.HCM chi 2,5 tỷ đồng ngày 20/7. Sau đó họ về Q.1 nghỉ.', ['Hơn 5.000 người ở TP.HCM chi 2,5 tỷ đồng ngày 20/7.', 'Sau đó họ về Q.1 nghỉ.']],
    ['quotes after the period', 'Ông nói: “Chúng tôi sẽ thắng.” Bà gật đầu.', ['Ông nói: “Chúng tôi sẽ thắng.”', 'Bà gật đầu.']],
    ['an ellipsis after a quote', 'Họ hô “Dân chủ muôn năm”… Bên cạnh đó, cảnh sát có mặt.', ['Họ hô “Dân chủ muôn năm”…', 'Bên cạnh đó, cảnh sát có mặt.']],
    ['questions and exclamations', 'Vì sao? Vì giá tăng! Người dân lo lắng.', ['Vì sao?', 'Vì giá tăng!', 'Người dân lo lắng.']],
    [
      'a flattened dash photo credit',
      'Người biểu tình sáng nay - Ảnh: AFP Theo hãng tin AFP, cuộc biểu tình kéo dài.',
      ['Người biểu tình sáng nay - Ảnh: AFP', 'Theo hãng tin AFP, cuộc biểu tình kéo dài.'],
    ],
    [
      'a parenthesized photo credit',
      'Biểu tình tại Campuchia (Ảnh: Đỗ Tuấn Anh) Tại cuộc họp báo, ông Sam Rainsy nói.',
      ['Biểu tình tại Campuchia (Ảnh: Đỗ Tuấn Anh)', 'Tại cuộc họp báo, ông Sam Rainsy nói.'],
    ],
    ['no final punctuation', 'Một dòng không có dấu chấm', ['Một dòng không có dấu chấm']],
    ['a period before a lowercase word', 'Giá 3.5 USD. và tăng dần', ['Giá 3.5 USD. và tăng dần']],
    ['a sentence opening with a number', 'Vụ việc xảy ra hôm qua. 20 người bị thương.', ['Vụ việc xảy ra hôm qua.', '20 người bị thương.']],
    ['an initial inside a name', 'Ông V.I. Lenin và ông M. đến. Họ ở lại.', ['Ông V.I. Lenin và ông M. đến.', 'Họ ở lại.']],
    ['a one-letter syllable ending a sentence', 'Bất ổn gia tăng tại khu vực Nam Á. Thủ tướng rời Nga.', ['Bất ổn gia tăng tại khu vực Nam Á.', 'Thủ tướng rời Nga.']],
    ['a temperature unit before a new sentence', 'Nhiệt độ lên tới 40 độ C. Sau đó trời mưa to.', ['Nhiệt độ lên tới 40 độ C.', 'Sau đó trời mưa to.']],
    ['"and so on" before a new sentence', 'Họ bán rau, thịt, cá v.v. Nhưng giá đều tăng.', ['Họ bán rau, thịt, cá v.v.', 'Nhưng giá đều tăng.']],
    ['an ellipsis inside an open quotation', 'Ông nói: “Tôi… Tôi không biết gì cả”. Sau đó ông về.', ['Ông nói: “Tôi… Tôi không biết gì cả”.', 'Sau đó ông về.']],
    ['city and degree abbreviations', 'PGS.TS. Trần Văn B đến TP.HCM. Ông ở Q.3 hai ngày.', ['PGS.TS. Trần Văn B đến TP.HCM.', 'Ông ở Q.3 hai ngày.']],
    ['a flattened related-article link', 'Cảnh sát phong tỏa hiện trường. >> Pháp, Mexico giận dữ đòi Mỹ giải thích', ['Cảnh sát phong tỏa hiện trường.', '>> Pháp, Mexico giận dữ đòi Mỹ giải thích']],
  ])('handles %s', (_name, text, expected) => {
    expect(splitSentences(text)).toEqual(expected)
  })

  it('cuts a run without punctuation into bounded pieces, at a comma when it can', () => {
    const run = Array.from({ length: 450 }, (_, i) => (i % 37 === 36 ? 'hàng,' : 'hàng')).join(' ')
    const pieces = splitSentences(run)
    expect(pieces.length, 'several pieces').toBeGreaterThanOrEqual(3)
    for (const piece of pieces) expect(piece.split(' ').length, 'each piece bounded').toBeLessThanOrEqual(MAX_SENTENCE_WORDS)
    expect(pieces[0], 'the first piece ends at a comma').toMatch(/,$/)
    expect(pieces.join(' '), 'nothing lost').toBe(run)
  })

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([])
  })
})

describe('mayHoldFusedCaption', () => {
  it.each([
    ['Djokovic bảo vệ thành công chức vô địch Thượng Hải Masters Mọi thứ đã diễn ra rất suôn sẻ.', true, 'after a name'],
    ['Cận cảnh ba phiên bản (từ trái qua phải) Theo đó, hãng đã giới thiệu 5 phiên bản.', true, 'after a parenthesis'],
    ['Phun hóa chất ở Quảng Trị Tại xã Triệu Thượng người dân chăn nuôi thả rông.', true, 'a place, then Tại'],
    ['Nguyễn Văn Được (20 tuổi) bị bắt tối qua.', false, 'a personal name holding an opener syllable, then a parenthesis'],
    ['Theo báo cáo, mưa lớn kéo dài ở Huế.', false, 'an opener at the start'],
    ['Lũ dâng cao ở Trên Không Nhật Bản.', false, 'an opener followed by a capitalized word: a name'],
    ['Bão số 5 đổ bộ vào Quảng Ngãi sáng nay.', false, 'no opener'],
  ])('%s → %s (%s)', (sentence, expected) => {
    expect(mayHoldFusedCaption(sentence)).toBe(expected)
  })
})

describe('isCaption', () => {
  it('recognizes flattened photo credits, not reporting', () => {
    expect(isCaption('Người biểu tình sáng nay - Ảnh: AFP')).toBe(true)
    expect(isCaption('Biểu tình tại Campuchia (Ảnh: Đỗ Tuấn Anh)')).toBe(true)
    expect(isCaption('Theo hãng tin AFP, cuộc biểu tình kéo dài.')).toBe(false)
  })

  it('recognizes related-article links, labels and illustration credits', () => {
    expect(isCaption('>> Ấn Độ, Philippines họp kín về Biển Đông')).toBe(true)
    expect(isCaption('TIN BÀI LIÊN QUAN: Các nhân viên cứu hộ tại hiện trường.')).toBe(true)
    expect(isCaption('Ảnh minh họa')).toBe(true)
    expect(isCaption('Đồ họa: Usgs.gov')).toBe(true)
    expect(isCaption('Ảnh - Đối tượng trong các vụ án tham nhũng đặc biệt nghiêm trọng.'), 'a photo label with a dash').toBe(true)
    expect(isCaption('Ảnh chụp màn hình tài khoản Twitter của CCTV tối thứ Hai 21/10.'), 'a screenshot label').toBe(true)
    expect(isCaption('Ảnh chụp vệ tinh ngày 12-5 cho thấy các tên lửa đã được triển khai.'), 'a sentence about a photo').toBe(false)
    expect(isCaption('UBND TP quyết định mở rộng đường.'), 'an acronym opening a sentence').toBe(false)
  })
})

describe('segmentSentences', () => {
  it('ends a credit that names a photographer and an agency with a dash between them', () => {
    expect(segmentSentences('Đồng chí Nguyễn Văn Đua tiếp đoàn đại biểu. Ảnh: Hoàng Hải - TTXVN Tại buổi tiếp, ông bày tỏ vui mừng.')).toEqual([
      { text: 'Đồng chí Nguyễn Văn Đua tiếp đoàn đại biểu.', caption: true },
      { text: 'Ảnh: Hoàng Hải - TTXVN', caption: true },
      { text: 'Tại buổi tiếp, ông bày tỏ vui mừng.', caption: false },
    ])
  })

  it('marks a caption sentence before a credit, and the credit', () => {
    expect(segmentSentences('Một chuyên gia OPCW đang thực hiện nhiệm vụ. Ảnh: AFP Người phát ngôn của OPCW khẳng định như vậy.')).toEqual([
      { text: 'Một chuyên gia OPCW đang thực hiện nhiệm vụ.', caption: true },
      { text: 'Ảnh: AFP', caption: true },
      { text: 'Người phát ngôn của OPCW khẳng định như vậy.', caption: false },
    ])
  })

  it('cuts an unpunctuated caption fused onto a dated sentence', () => {
    expect(segmentSentences('Tên lửa đạn đạo chiến lược RS-20V Voyevoda của Nga Ngày 30/10, Tổng thống Nga ra lệnh diễn tập.')).toEqual([
      { text: 'Tên lửa đạn đạo chiến lược RS-20V Voyevoda của Nga', caption: true },
      { text: 'Ngày 30/10, Tổng thống Nga ra lệnh diễn tập.', caption: false },
    ])
  })

  it('cuts a caption or a crosshead fused onto a sentence that opens with a word only sentences open with', () => {
    expect(segmentSentences('Những hạt mưa còn đọng lại - Ảnh do người dân cung cấp Sau cơn mưa lớn khoảng 10 phút, người dân phát hiện mưa đá.')).toEqual([
      { text: 'Những hạt mưa còn đọng lại - Ảnh do người dân cung cấp', caption: true },
      { text: 'Sau cơn mưa lớn khoảng 10 phút, người dân phát hiện mưa đá.', caption: false },
    ])
    expect(segmentSentences('Đẳng cấp vượt trội Phải làm khách trên sân của đội đầu bảng, Chelsea vẫn thắng.')).toEqual([
      { text: 'Đẳng cấp vượt trội', caption: true },
      { text: 'Phải làm khách trên sân của đội đầu bảng, Chelsea vẫn thắng.', caption: false },
    ])
  })

  it('leaves a capitalized opener inside a name alone: after a capital, or before one', () => {
    for (const text of ['Tối qua báo Người Lao Động đưa tin về vụ việc này.', 'Xác được tìm thấy ở lòng hồ thủy điện Sông Tranh 2 hôm qua.']) {
      expect(segmentSentences(text)).toEqual([{ text, caption: false }])
    }
  })

  it('cuts a related-articles label inside a paragraph, with the headlines run on after it', () => {
    expect(segmentSentences('Jack Wilshere khiến người hâm mộ lo lắng bởi chấn thương TIN LIÊN QUAN HLV Arsene Wenger thừa nhận Arsenal phải trả giá cho những sai lầm.')).toEqual([
      { text: 'Jack Wilshere khiến người hâm mộ lo lắng bởi chấn thương', caption: false },
      { text: 'TIN LIÊN QUAN HLV Arsene Wenger thừa nhận Arsenal phải trả giá cho những sai lầm.', caption: true },
    ])
  })

  it.each([
    ['a given name', 'Ông Quý Kiến Nghiệp bị sa thải vì vi phạm kỷ luật.'],
    ['a title-case name', 'Máy bay của Lực lượng Phòng vệ Trên Không Nhật Bản cất cánh.'],
    ['a day named in title case', 'Hội thảo diễn ra nhân kỷ niệm Ngày thế giới chống đói nghèo.'],
    ['an opener after punctuation', 'Ông nói, Một là tăng thu, hai là giảm chi.'],
  ])('leaves a capitalized opener inside %s alone', (_name, text) => {
    expect(segmentSentences(text)).toEqual([{ text, caption: false }])
  })

  it('leaves names and mid-sentence dates alone', () => {
    expect(segmentSentences('Sáng nay ông Theo Walcott tới Hà Nội vào ngày 5/3 để dự Ngày Nhà giáo.')).toEqual([
      { text: 'Sáng nay ông Theo Walcott tới Hà Nội vào ngày 5/3 để dự Ngày Nhà giáo.', caption: false },
    ])
  })

  it('cuts an illustration label glued to the next sentence', () => {
    expect(segmentSentences('Ảnh minh họa Thủ tướng Nhật Bản Shinzo Abe đã phê chuẩn kế hoạch.')).toEqual([
      { text: 'Ảnh minh họa', caption: true },
      { text: 'Thủ tướng Nhật Bản Shinzo Abe đã phê chuẩn kế hoạch.', caption: false },
    ])
  })

  it('marks a graphics credit after a map caption', () => {
    const [map, credit, news] = segmentSentences('Bản đồ vị trí trận động đất. Đồ họa: Usgs.gov Theo Trung tâm Địa chấn học, trận động đất xảy ra lúc 20h02.')
    expect(map?.caption, 'the map caption').toBe(true)
    expect(credit?.caption, 'the credit').toBe(true)
    expect(news).toEqual({ text: 'Theo Trung tâm Địa chấn học, trận động đất xảy ra lúc 20h02.', caption: false })
  })

  it('marks a leading parenthesized source credit', () => {
    const [first, second] = segmentSentences('(Nguồn: Reuters) Thủ tướng Nga Dmitry Medvedev đang thăm Trung Quốc.')
    expect(first).toEqual({ text: '(Nguồn: Reuters)', caption: true })
    expect(second?.caption).toBe(false)
  })

  it('takes credits without a colon, and the sentence before them, for a caption', () => {
    expect(segmentSentences('Một chiếc UAV của Mỹ. (Nguồn DPA) Tổ chức Ân xá quốc tế đặt ra nhiều nghi hoặc.')).toEqual([
      { text: 'Một chiếc UAV của Mỹ.', caption: true },
      { text: '(Nguồn DPA)', caption: true },
      { text: 'Tổ chức Ân xá quốc tế đặt ra nhiều nghi hoặc.', caption: false },
    ])
    expect(segmentSentences('Hiện trường vụ đánh bom (Ảnh AP) Trước đó, ngày 18-10, tờ báo đưa tin.').map((s) => s.caption)).toEqual([true, false])
  })

  it('does not take "ảnh hưởng" in parentheses for a credit', () => {
    expect(segmentSentences('Giá tăng (ảnh hưởng của bão) Người dân lo lắng.')).toEqual([{ text: 'Giá tăng (ảnh hưởng của bão) Người dân lo lắng.', caption: false }])
  })

  it('cuts a parenthesized photo description off the sentence it precedes, and only that', () => {
    expect(segmentSentences('Giá trị hợp đồng lên tới 18 tỷ peso. (Trong ảnh: Máy bay FA-50 của Indonesia) Lý giải cho việc này, chuyên gia nói.')).toEqual([
      { text: 'Giá trị hợp đồng lên tới 18 tỷ peso.', caption: false },
      { text: '(Trong ảnh: Máy bay FA-50 của Indonesia)', caption: true },
      { text: 'Lý giải cho việc này, chuyên gia nói.', caption: false },
    ])
  })

  it('ends a credit name where a two-syllable word opens the next sentence', () => {
    expect(segmentSentences('Bài thơ do nghi phạm viết. Ảnh: Sky News Cảnh sát tìm thấy bài thơ trong máy tính.').map((s) => s.text)).toEqual([
      'Bài thơ do nghi phạm viết.',
      'Ảnh: Sky News',
      'Cảnh sát tìm thấy bài thơ trong máy tính.',
    ])
    // A date after the credit is left to the fused-caption rule, not cut inside.
    expect(segmentSentences('Putin tại Matxcơva - Ảnh: Reuters Hôm 30-10, tạp chí Forbes công bố danh sách.').map((s) => s.text)).toEqual([
      'Putin tại Matxcơva - Ảnh: Reuters',
      'Hôm 30-10, tạp chí Forbes công bố danh sách.',
    ])
  })

  it('ends an agency credit (AFP, TTXVN) at the acronym when a capitalized phrase opens the next sentence', () => {
    expect(segmentSentences('Quảng trường Thánh Phêrô - Ảnh: AFP Đức Giáo hoàng kêu gọi hòa bình.').map((s) => s.text)).toEqual([
      'Quảng trường Thánh Phêrô - Ảnh: AFP',
      'Đức Giáo hoàng kêu gọi hòa bình.',
    ])
    // An all-capitals name is one credit: `ANH HÒA`.
    expect(segmentSentences('Hiện trường vụ cháy - Ảnh: ANH HÒA Bị cháy lúc nửa đêm, ngôi nhà đổ sập.').map((s) => s.text)).toEqual([
      'Hiện trường vụ cháy - Ảnh: ANH HÒA',
      'Bị cháy lúc nửa đêm, ngôi nhà đổ sập.',
    ])
  })
})
