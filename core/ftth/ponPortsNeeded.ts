/**
 * PON ports needed to serve households at a take rate: ceil(households x takeRate / splitRatio).
 * Source: ftth.md §3 port capacity check; §2 China Mobile example (800 households x 30 % at 1:64 = 4 ports).
 * A tiny tolerance keeps float noise (e.g. 128 x 0.5 / 64 = 1.0000000001) from adding a port.
 * @example ponPortsNeeded(800, 0.3, 64) // 4
 */
export function ponPortsNeeded(households: number, takeRate: number, splitRatio: number): number {
  if (!(households >= 0)) throw new RangeError(`households must be >= 0, got ${households}`);
  if (!(takeRate >= 0 && takeRate <= 1)) throw new RangeError(`takeRate must be in [0, 1], got ${takeRate}`);
  if (!(splitRatio >= 1)) throw new RangeError(`splitRatio must be >= 1, got ${splitRatio}`);
  return Math.max(0, Math.ceil((households * takeRate) / splitRatio - 1e-9));
}
