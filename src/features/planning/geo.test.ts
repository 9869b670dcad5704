import { describe, it, expect } from 'vitest';
import { distanceMeters } from './geo.js';

describe('distanceMeters', () => {
  it('measures a degree of latitude as about 111.2 km', () => {
    expect(distanceMeters({ latitude: 59, longitude: 15 }, { latitude: 60, longitude: 15 })).toBeCloseTo(111_195, -1);
  });

  it('gives Örebro to Stockholm about 160 km, the same both ways, and zero to itself', () => {
    const orebro = { latitude: 59.2741, longitude: 15.2066 };
    const stockholm = { latitude: 59.3293, longitude: 18.0686 };
    const d = distanceMeters(orebro, stockholm);
    expect(d).toBeGreaterThan(160_000);
    expect(d).toBeLessThan(165_000);
    expect(distanceMeters(stockholm, orebro)).toBeCloseTo(d, 6);
    expect(distanceMeters(orebro, orebro)).toBe(0);
  });
});
