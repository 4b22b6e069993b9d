/*
 * Life-cycle cost as a present value: what an offer costs over its years of use, with later euros
 * discounted to today's. Yearly costs (energy, maintenance) fall at the end of each year of use and
 * the disposal cost at the end of the last one:
 *
 *   LCC = purchase + Σ_{t=1..years} (energy + maintenance) / (1 + r)^t + disposal / (1 + r)^years
 */

/** One offer, in euros (yearly costs per year) and whole years. */
export interface Offer {
  purchase: number;
  energyPerYear: number;
  maintenancePerYear: number;
  disposal: number;
  years: number;
}

/** The present value of every cost of an offer at `rate` (0.03 for 3 %). */
export function lifeCycleCost(offer: Offer, rate: number): number {
  let total = offer.purchase;
  for (let year = 1; year <= offer.years; year++) {
    total += (offer.energyPerYear + offer.maintenancePerYear) / (1 + rate) ** year;
  }
  return total + offer.disposal / (1 + rate) ** offer.years;
}

/** Why an input cannot be used, or null when it can. */
export function offerProblem(offer: Offer): 'negative' | 'years' | null {
  const { years, ...euros } = offer;
  if (Object.values(euros).some((value) => !Number.isFinite(value) || value < 0)) return 'negative';
  if (!Number.isInteger(years) || years < 1 || years > 50) return 'years';
  return null;
}
