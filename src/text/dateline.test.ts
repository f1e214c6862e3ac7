import { describe, expect, it } from 'vitest'
import { stripDateline } from './dateline.js'

describe('stripDateline', () => {
  // Openings of real leads in the VN-MDS dev set, one per shape.
  it.each<[string, string | null, string, string]>([
    ['TTO - Ngày 23-10, hàng nghìn người ủng hộ', 'TTO', 'Ngày 23-10, hàng nghìn người ủng hộ', 'an acronym and a hyphen'],
    ['TTO – Chiều 15-10, đội tuyển U-23 VN đã thắng', 'TTO', 'Chiều 15-10, đội tuyển U-23 VN đã thắng', 'an acronym and an en dash'],
    ['TP - Thủ tướng Ấn Độ Manmohan Singh', 'TP', 'Thủ tướng Ấn Độ Manmohan Singh', 'a two-letter acronym'],
    ['ANTĐ - Chiều nay (23-10), Quốc hội đã nghe', 'ANTĐ', 'Chiều nay (23-10), Quốc hội đã nghe', 'an acronym with Đ'],
    ['VOV.VN - Sẽ có khoảng 40.000 người', 'VOV.VN', 'Sẽ có khoảng 40.000 người', 'a domain'],
    ['VOV.VN-Những vấn đề về chính sách', 'VOV.VN', 'Những vấn đề về chính sách', 'a domain glued to its dash'],
    ['QĐND Online - Ngày 23-10, tại Hà Nội', 'QĐND Online', 'Ngày 23-10, tại Hà Nội', 'an acronym with Online'],
    ['GiadinhNet - Đại đa số ý kiến tán thành', 'GiadinhNet', 'Đại đa số ý kiến tán thành', 'a camel-case brand'],
    ['ICTnews – Cơ quan An ninh Mỹ (NSA)', 'ICTnews', 'Cơ quan An ninh Mỹ (NSA)', 'capitals then lowercase'],
    ['(Dân trí) - Không khí lạnh còn tiếp tục', 'Dân trí', 'Không khí lạnh còn tiếp tục', 'a name in parentheses'],
    ['(NLĐO) – Cảnh sát ở thành phố cảng', 'NLĐO', 'Cảnh sát ở thành phố cảng', 'an acronym in parentheses'],
    ['(Petrotimes) – “Tranh chấp lãnh thổ', 'Petrotimes', '“Tranh chấp lãnh thổ', 'news opening with a quote'],
    ['(Kienthuc.net.vn) - Samantha Lewthwaite', 'Kienthuc.net.vn', 'Samantha Lewthwaite', 'a domain in parentheses'],
    ['(GD& TĐ) - Ngày 21/10, tại Moskva', 'GD& TĐ', 'Ngày 21/10, tại Moskva', 'an ampersand'],
    ['(SGGPO). - Ngày 23-10, tại Hà Nội', 'SGGPO', 'Ngày 23-10, tại Hà Nội', 'a period after the parenthesis'],
    ['(TNO) Ngày 22.10, CHDCND Triều Tiên', 'TNO', 'Ngày 22.10, CHDCND Triều Tiên', 'no dash after an acronym'],
    ['(Tin tức thời sự) - Trong khi TP.HCM', 'Tin tức thời sự', 'Trong khi TP.HCM', 'a longer name before a dash'],
    ['Dân trí - Sáng nay, giá vàng', 'Dân trí', 'Sáng nay, giá vàng', 'a plain name before a dash'],
    ['- Leo Messi trở thành cầu thủ', null, 'Leo Messi trở thành cầu thủ', 'a bare dash'],
  ])('cuts %j (%s)', (lead, outlet, text) => {
    expect(stripDateline(lead)).toEqual({ text, outlet })
  })

  it.each([
    ['Nga - Mỹ ký thỏa thuận về vũ khí', 'two countries joined by a dash'],
    ['Đàm Văn Hiếu – nghi phạm sát hại', 'a person and a lowercase description'],
    ['(Ảnh: AFP) Người biểu tình ở Phnom Penh', 'a photo credit'],
    ['(ảnh hưởng của bão) Mưa lớn kéo dài', 'a parenthesis that is not a name'],
    ['Theo TTXVN, ngày 21-10, tại Phủ Chủ tịch', 'an attribution, which is part of the sentence'],
    ['Chiều 23/10, tại kỳ họp thứ 6, Quốc hội', 'an ordinary sentence'],
    ['TTO - ngày 23-10 được chọn', 'a tag followed by lowercase text'],
  ])('leaves %j alone (%s)', (lead) => {
    expect(stripDateline(lead)).toEqual({ text: lead, outlet: null })
  })
})
