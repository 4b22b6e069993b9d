import { describe, expect, it } from 'vitest';
import { lifeCycleCost, offerProblem } from '../../src/features/lifeCycleCost/lifeCycleCost';

describe('life-cycle cost', () => {
  it('discounts yearly costs and disposal to today, as computed by hand', () => {
    // 10 000 + 1 000/1.05 + 1 000/1.05² + 500/1.05² = 10 000 + 952.38 + 907.03 + 453.51 = 12 312.93
    const offer = { purchase: 10_000, energyPerYear: 600, maintenancePerYear: 400, disposal: 500, years: 2 };
    expect(lifeCycleCost(offer, 0.05)).toBeCloseTo(12_312.93, 2);
  });

  it('is the plain sum without discounting', () => {
    const offer = { purchase: 1000, energyPerYear: 100, maintenancePerYear: 50, disposal: 20, years: 10 };
    expect(lifeCycleCost(offer, 0)).toBe(1000 + 1500 + 20);
  });

  it('refuses negative euros and impossible years', () => {
    const offer = { purchase: 1, energyPerYear: 1, maintenancePerYear: 1, disposal: 1, years: 5 };
    expect(offerProblem(offer)).toBeNull();
    expect(offerProblem({ ...offer, purchase: -1 })).toBe('negative');
    expect(offerProblem({ ...offer, years: 0 })).toBe('years');
    expect(offerProblem({ ...offer, years: 2.5 })).toBe('years');
  });
});
