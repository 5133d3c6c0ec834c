import { throwIfCancelled, type CancelToken } from '../cancel';
import { linkLossDb, MODEL_TERM_COUNT, modelCoefficients } from '../propagation/linkLoss';
import type { PropagationModel } from '../propagation/propagationModel';
import { linkAt, type MeasuredLinks } from './measuredLinks';

/**
 * The median RSRP `model` predicts at every point of `links`, dBm (txDbm − linkLossDb); with `rowMask`, only
 * where it is set (NaN elsewhere). Never throws but for cancellation.
 * @example const predictedDbm = predictLinks(model, links)
 */
export function predictLinks(
  model: PropagationModel,
  links: MeasuredLinks,
  options: { rowMask?: ArrayLike<number>; cancel?: CancelToken } = {},
  out = new Float64Array(links.rows).fill(NaN),
): Float64Array {
  const coefficients = modelCoefficients(model);
  const scratch = new Float64Array(MODEL_TERM_COUNT);
  const link = linkAt(links, 0);
  for (let i = 0; i < links.rows; i++) {
    if ((i & 4095) === 0) throwIfCancelled(options.cancel);
    if (options.rowMask && !options.rowMask[i]) continue;
    out[i] = links.txDbm[i] - linkLossDb(model, linkAt(links, i, link), coefficients, scratch);
  }
  return out;
}
