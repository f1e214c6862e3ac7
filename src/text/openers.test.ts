import { describe, expect, it } from 'vitest'
import { SENTENCE_OPENERS } from './openers.generated.js'
import { toSyllables } from './syllables.js'

describe('SENTENCE_OPENERS (generated from VietNews)', () => {
  it('holds common sentence openers and no name syllables, lowercased and tone-unified like tokens', () => {
    expect(SENTENCE_OPENERS).toEqual(expect.arrayContaining(['theo', 'sau', 'trong', 'những']))
    for (const name of ['hà', 'nội', 'nguyễn', 'việt', 'mỹ']) expect(SENTENCE_OPENERS).not.toContain(name)
    expect(SENTENCE_OPENERS.length).toBeGreaterThan(50)
    for (const syllable of SENTENCE_OPENERS) expect(toSyllables(syllable)).toEqual([syllable])
  })
})
