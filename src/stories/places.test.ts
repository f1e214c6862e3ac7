import { describe, expect, it } from 'vitest'
import { mergeWhereabouts, namesIn, placesConflict, placesIn, specificPlacesOf } from './places.js'

describe('placesIn and specificPlacesOf', () => {
  it.each<[string, string[]]>([
    ['Động đất mạnh 4,8 độ ở Sơn La', ['sơn la']],
    ['Cháy lớn tại chợ Đồng Xuân, Hà Nội', ['đồng xuân']],
    ['Một đám cháy bùng phát tại quận Cầu Giấy', ['cầu giấy']],
    ['Lũ quét ở huyện Mù Cang Chải, tỉnh Yên Bái', ['mù cang chải', 'yên bái']],
    ['Hoà Bình: mưa lớn ở thị xã Hoà Bình', ['hòa bình']],
  ])('finds the places of %j', (text, places) => {
    expect(placesIn([text])).toEqual(places)
  })

  it('needs two capitalized syllables after tại or ở, which also open institutions', () => {
    expect(placesIn(['Bệnh nhân được đưa tới cấp cứu tại Bệnh viện Bạch Mai'])).toEqual([])
    expect(placesIn(['Ông làm việc ở Mỹ nhiều năm'])).toEqual([])
  })

  it('leaves out the places news names all the time', () => {
    expect(specificPlacesOf(['Cháy tại chợ Đồng Xuân, quận Hoàn Kiếm, thành phố Hà Nội'])).toEqual(['hoàn kiếm', 'đồng xuân'].sort())
    expect(specificPlacesOf(['Triều cường gây ngập ở TP HCM'])).toEqual([])
  })
})

describe('placesConflict', () => {
  it('sees two places that know nothing of each other as two events', () => {
    expect(placesConflict({ places: ['sơn la'], names: ['sơn la'] }, { places: ['kon tum'], names: ['kon tum', 'tây nguyên'] })).toBe(true)
  })

  it('keeps a place and the area around it together when one report names both', () => {
    const khanYounes = { places: ['khan younes'], names: ['dải gaza', 'hamas', 'israel', 'khan younes'] }
    const gaza = { places: ['dải gaza'], names: ['dải gaza', 'israel'] }
    expect(placesConflict(khanYounes, gaza)).toBe(false)
    expect(placesConflict(gaza, khanYounes)).toBe(false)
  })

  it('finds no conflict where either side names no place', () => {
    expect(placesConflict({ places: [], names: ['hà nội'] }, { places: ['kon tum'], names: ['kon tum'] })).toBe(false)
  })
})

describe('namesIn and mergeWhereabouts', () => {
  it('collects runs of capitalized syllables', () => {
    expect(namesIn(['Israel không kích Dải Gaza, Hamas đáp trả.'])).toEqual(['dải gaza', 'hamas', 'israel'])
  })

  it('unions members', () => {
    expect(
      mergeWhereabouts([
        { places: ['a'], main: ['b'], names: ['a', 'b'] },
        { places: ['c'], main: ['c'], names: ['b', 'c'] },
      ]),
    ).toEqual({ places: ['a', 'c'], main: ['b', 'c'], names: ['a', 'b', 'c'] })
  })
})
