import { describe, expect, it } from 'vitest'
import { RepeatedAsks } from './repeats.js'

describe('RepeatedAsks', () => {
  it('says store at the second ask within the window, not the first', () => {
    const asks = new RepeatedAsks(60_000, 10)
    expect(asks.isRepeat('hà nội', 0), 'first ask').toBe(false)
    expect(asks.isRepeat('hà nội', 59_000), 'second, within the window').toBe(true)
    expect(asks.isRepeat('hà nội', 59_500), 'stored then: the next ask starts again').toBe(false)
    expect(asks.isRepeat('giá vàng', 0)).toBe(false)
    expect(asks.isRepeat('giá vàng', 60_001), 'too late: counts as a first ask').toBe(false)
    expect(asks.isRepeat('giá vàng', 60_002), 'and the one after it is a repeat').toBe(true)
  })

  it('forgets the oldest first asks past its capacity', () => {
    const asks = new RepeatedAsks(60_000, 2)
    asks.isRepeat('a', 0)
    asks.isRepeat('b', 1)
    asks.isRepeat('c', 2)
    expect(asks.isRepeat('a', 3), 'the oldest was forgotten').toBe(false)
    expect(asks.isRepeat('c', 4), 'a newer one was kept').toBe(true)
  })
})
