import { describe, expect, it } from 'vitest'
import { MAX_OUTLET_SLUG_LENGTH, isOutletSlug, outletSlugOf } from './outlet-slug.js'

describe('outletSlugOf', () => {
  it('folds Vietnamese names to ASCII words, đ to d, in NFC or NFD alike', () => {
    expect(outletSlugOf('Tuổi Trẻ')).toBe('tuoi-tre')
    expect(outletSlugOf('Tuổi Trẻ'.normalize('NFD')), 'NFD input').toBe('tuoi-tre')
    expect(outletSlugOf('Báo Điện tử Đảng Cộng sản')).toBe('bao-dien-tu-dang-cong-san')
    expect(outletSlugOf('Dân trí')).toBe('dan-tri')
  })

  it('turns punctuation into single hyphens and trims them', () => {
    expect(outletSlugOf('TTXVN/Vietnam+')).toBe('ttxvn-vietnam')
    expect(outletSlugOf('  VOV.VN  ')).toBe('vov-vn')
    expect(outletSlugOf('(Theo Reuters)')).toBe('theo-reuters')
  })

  it('is idempotent, so a route takes the name or the slug', () => {
    for (const name of ['Tuổi Trẻ', 'TTXVN/Vietnam+', 'VnExpress']) {
      const slug = outletSlugOf(name) ?? ''
      expect(isOutletSlug(slug), slug).toBe(true)
      expect(outletSlugOf(slug), slug).toBe(slug)
    }
  })

  it('answers null for a name with no letter or digit, and cuts long names at a word', () => {
    expect(outletSlugOf('+++ / …')).toBeNull()
    const long = outletSlugOf('Một tờ báo có cái tên rất dài dài dài dài dài dài dài dài dài dài dài dài dài dài') ?? ''
    expect(long.length).toBeLessThanOrEqual(MAX_OUTLET_SLUG_LENGTH)
    expect(long.endsWith('-'), 'no trailing hyphen').toBe(false)
    expect(long.startsWith('mot-to-bao-co-cai-ten')).toBe(true)
  })

  it('refuses non-slugs as slugs', () => {
    expect(isOutletSlug('Tuổi Trẻ')).toBe(false)
    expect(isOutletSlug('tuoi--tre')).toBe(false)
    expect(isOutletSlug('-tuoi')).toBe(false)
    expect(isOutletSlug('a'.repeat(MAX_OUTLET_SLUG_LENGTH + 1))).toBe(false)
  })
})
