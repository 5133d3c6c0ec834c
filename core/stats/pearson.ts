/**
 * Pearson's correlation coefficient of `a` and `b` over the pairs `mask` keeps (all without one); NaN when either
 * has no spread. Throws RangeError when the lengths differ.
 * @example pearsonCorrelation([1, 2, 3], [2, 4, 7]) // 0.993
 */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, mask?: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`a and b must have the same length, got ${a.length} and ${b.length}`);
  let ma = 0;
  let mb = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (mask && !mask[i]) continue;
    ma += a[i];
    mb += b[i];
    n++;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    if (mask && !mask[i]) continue;
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
