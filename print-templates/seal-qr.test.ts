import { describe, expect, it } from 'vitest';

import { kq1LikeSeal } from './fixtures/synthetic-certificates';
import { minModuleMm, sealGeometry, sealMatrix, sealSegments } from './seal-qr';

describe('seal geometry', () => {
  it('keeps the template size when modules stay at 0.5 mm or more', () => {
    const geometry = sealGeometry(77, 40);
    expect(geometry.moduleMm).toBeCloseTo(40 / 77, 9);
    expect(geometry.symbolMm).toBeCloseTo(40, 9);
  });

  it('grows a dense code rather than print modules under 0.5 mm', () => {
    // Version 18, the contract's largest seal: 89 modules.
    const geometry = sealGeometry(89, 40);
    expect(geometry.moduleMm).toBe(minModuleMm);
    expect(geometry.symbolMm).toBeCloseTo(44.5, 6);
  });
});

describe('seal matrix', () => {
  it('encodes the largest seal the contract allows (360 bytes, 540 characters) at level Q within version 18', () => {
    const seal = kq1LikeSeal(360);
    expect(seal).toHaveLength(4 + 540);
    expect(sealMatrix(seal).size).toBeLessThanOrEqual(17 + 4 * 18);
  });

  it('still encodes a string outside the alphanumeric set', () => {
    expect(sealMatrix('kq1:lower case').size).toBeGreaterThanOrEqual(21);
  });
});

describe('seal segments', () => {
  it('writes the URL form as a byte segment for the address and an alphanumeric one for the escaped seal', () => {
    const seal = kq1LikeSeal(300).replaceAll('%', '%25').replaceAll(' ', '%20');
    const segments = sealSegments(`https://verify.example.gov.cn/kq1#${seal}`);
    expect(segments).toEqual([
      { data: new TextEncoder().encode('https://verify.example.gov.cn/kq1#'), mode: 'byte' },
      { data: seal, mode: 'alphanumeric' },
    ]);
  });

  it('writes a bare seal as one alphanumeric segment, and leaves anything else to the optimiser', () => {
    expect(sealSegments('KQ1:ABC')).toEqual([{ data: 'KQ1:ABC', mode: 'alphanumeric' }]);
    expect(sealSegments('https://verify.example.gov.cn/kq1#kq1:abc')).toBeNull();
  });
});
