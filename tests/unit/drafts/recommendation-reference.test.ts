// A submission refers to an earlier recommendation the way the field writes it — the Working Group
// report, the recommendation's number and the recommending States, then the State's position — in
// the submission's own language; an ILO body's request by body, year and convention.
import { describe, expect, it } from 'vitest';
import { recommendationText } from '../../../src/main/drafts/references.ts';
import { wording } from '../../../src/main/drafts/wording.ts';
import { recommendation } from './support.ts';

describe('a cross-reference to an earlier recommendation', () => {
  it('reads “A/HRC/28/10, para. 126.29 (Germany)” with the position after it', () => {
    const germany = recommendation('r1', {
      documentSymbol: 'A/HRC/28/10',
      paragraph: '126.29',
      recommendingStates: ['Germany'],
      response: 'supported',
    });
    expect(recommendationText(germany)).toBe('A/HRC/28/10, para. 126.29 (Germany), supported');
    expect(recommendationText({ ...germany, response: null })).toBe('A/HRC/28/10, para. 126.29 (Germany)');
    expect(recommendationText({ ...germany, response: 'no_response' })).toBe('A/HRC/28/10, para. 126.29 (Germany)');
  });

  it('names every recommending State of a shared recommendation, and prints in the submission’s language', () => {
    const shared = recommendation('r1', {
      documentSymbol: 'A/HRC/43/10',
      paragraph: '140.45',
      recommendingStates: ['Norway', 'Sweden'],
      response: 'noted',
    });
    expect(recommendationText(shared)).toBe('A/HRC/43/10, para. 140.45 (Norway, Sweden), noted');
    expect(recommendationText(shared, wording('ru'))).toBe(
      'A/HRC/43/10, п. 140.45 (Norway, Sweden), принята к сведению',
    );
    expect(recommendationText(shared, wording('fr'))).toBe('A/HRC/43/10, par. 140.45 (Norway, Sweden), notée');
    expect(recommendationText({ ...shared, response: 'partially_supported' }, wording('es'))).toBe(
      'A/HRC/43/10, párr. 140.45 (Norway, Sweden), aceptada en parte',
    );
  });

  it('says so when the number or the recommendation itself is gone', () => {
    expect(recommendationText(recommendation('r1', { documentSymbol: null, paragraph: null }))).toBe(
      'recommendation of an earlier review (France), noted',
    );
    expect(recommendationText(recommendation('r1', { status: 'deleted' }))).toBe(
      '[a recommendation no longer in the vault]',
    );
    expect(recommendationText(undefined, wording('ru'))).toBe('[рекомендации больше нет в хранилище]');
  });

  it('cites an ILO supervisory body’s request by body, year and convention', () => {
    const ceacr = recommendation('r1', {
      mechanism: 'ilo',
      iloBody: 'CEACR',
      iloYear: 2023,
      iloConvention: 'C.87',
      documentSymbol: null,
      paragraph: null,
      recommendingStates: [],
      response: null,
    });
    expect(recommendationText(ceacr)).toBe('CEACR (2023), C.87');
    expect(recommendationText({ ...ceacr, iloYear: null, iloConvention: null })).toBe('CEACR');
  });
});
