// Amounts: fines, damages and dues as reports write them, normalised to a currency code and an
// exact number so "KZT 1,595,800" and "1 595 800 тенге" are the same sum.
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../src/main/extract/index.ts';

const amounts = (text: string) => findAmounts(text).map((s) => ({ text: s.text, value: s.value }));

describe('a lawyer gets amount suggestions in a court summary', () => {
  it('reads the currency before or after the number', () => {
    expect(amounts('fined KZT 1,595,800, that is 1,595,800 tenge, and a grant of US$ 5,000 and €200')).toEqual([
      { text: 'KZT 1,595,800', value: 'KZT 1595800' },
      { text: '1,595,800 tenge', value: 'KZT 1595800' },
      { text: 'US$ 5,000', value: 'USD 5000' },
      { text: '€200', value: 'EUR 200' },
    ]);
  });

  it('multiplies scale words exactly', () => {
    expect(amounts('damages of 5 million tenge and 1.1 million US dollars; KZT 2.5 billion')).toEqual([
      { text: '5 million tenge', value: 'KZT 5000000' },
      { text: '1.1 million US dollars', value: 'USD 1100000' },
      { text: 'KZT 2.5 billion', value: 'KZT 2500000000' },
    ]);
  });

  it('reads Russian amounts with spaces between thousands and a decimal comma', () => {
    expect(amounts('штраф 1 595 800 тенге, ущерб 2,5 млн тенге и 150 000,50 рублей')).toEqual([
      { text: '1 595 800 тенге', value: 'KZT 1595800' },
      { text: '2,5 млн тенге', value: 'KZT 2500000' },
      { text: '150 000,50 рублей', value: 'RUB 150000.50' },
    ]);
  });

  it('reads fines in monthly calculation indices, and says what a bare "$" was taken for', () => {
    const found = findAmounts('a fine of 100 MCI (100 МРП) and $300');
    expect(found.map((s) => s.value)).toEqual(['MCI 100', 'MCI 100', 'USD 300']);
    expect(found[2]?.detail).toMatchObject({ currency: 'USD', currencyAssumed: 'true' });
    expect(found[2]?.confidence).toBeLessThan(found[0]?.confidence ?? 0);
  });

  it('suggests nothing for numbers without a currency', () => {
    for (const text of [
      'Convention No. 87 and article 402(1)',
      '100 hours of compulsory labour, 50 percent of workers, 8,000 people detained',
      'in 2021 and 2022',
      'sixty-three oil workers were fined',
    ]) {
      expect(findAmounts(text), text).toEqual([]);
    }
  });
});
