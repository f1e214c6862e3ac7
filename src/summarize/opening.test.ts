import { describe, expect, it } from 'vitest'
import { needsAntecedent } from './opening.js'

describe('needsAntecedent', () => {
  it.each([
    'Đó là ý kiến của nhiều đại biểu.',
    'Điều này khiến giá tăng.',
    'Tuy nhiên, cảnh sát chưa kết luận.',
    'Ngoài ra, hai người bị thương.',
    'Theo đó, giá xăng giảm 500 đồng.',
    'Có lẽ điều Mỹ lo là ở đó.',
    'Trong khi đó, Nga phản đối.',
    'Ông cho biết sẽ từ chức.',
    'Họ đã rời đi.',
    '“Tuy vậy, chúng tôi vẫn tiếp tục”, ông nói.',
  ])('sees that %j leans on what came before', (sentence) => {
    expect(needsAntecedent(sentence)).toBe(true)
  })

  it.each([
    'Ông Nguyễn Văn A cho biết sẽ từ chức.',
    'Động đất mạnh 4,8 độ xảy ra ở Sơn La sáng nay.',
    'Đông đảo người dân đến xem.',
    'Theo AFP, cảnh sát đã bắt giữ hai nghi phạm.',
    'Họp báo diễn ra lúc 15h.',
  ])('sees that %j stands alone', (sentence) => {
    expect(needsAntecedent(sentence)).toBe(false)
  })
})
