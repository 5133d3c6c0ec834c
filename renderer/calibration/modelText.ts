import type { PropagationModel } from '../../core/propagation';
import type { Translate } from '../i18n/translate';

/** The model's kind in the reader's language. */
export function modelKindText(model: PropagationModel, t: Translate): string {
  return t(model.kind === 'calibrated' ? 'calibration.kindCalibrated' : model.kind === 'default' ? 'calibration.kindDefault' : 'calibration.kindReference');
}

/**
 * The coverage legend's line naming the model: "已校准，留出RMSE 8.9 dB", "默认模型（实测拟合，留出RMSE 12.2 dB）",
 * or the model's name marked not calibrated when it was never fitted.
 * @example legendModelLine(project.propagationModel ?? DEFAULT_PROPAGATION_MODEL, t)
 */
export function legendModelLine(model: PropagationModel, t: Translate): string {
  const rmse = model.fit ? model.fit.heldOut.rmseDb.toFixed(1) : null;
  if (rmse === null) return t('calibration.legendUnfitted', { name: modelKindText(model, t) });
  return t(model.kind === 'calibrated' ? 'calibration.legendCalibrated' : 'calibration.legendDefault', { rmse });
}

/** matchDriveTest's reasons (English, core) as keys of calibration.reasons and their values. */
const REASONS: { pattern: RegExp; key: string; params(m: RegExpExecArray): Record<string, string> }[] = [
  { pattern: /^cell id not in the project \(e\.g\. "(.*)"\)$/, key: 'cellId', params: (m) => ({ ref: m[1] }) },
  { pattern: /^neither the cell id nor the PCI matches a sector nearby$/, key: 'neither', params: () => ({}) },
  { pattern: /^no sector with the PCI within (\d+(?:\.\d+)?) m$/, key: 'pci', params: (m) => ({ m: m[1] }) },
  { pattern: /^no cell id or PCI$/, key: 'noRef', params: () => ({}) },
  { pattern: /^outside the project grid$/, key: 'outside', params: () => ({}) },
  { pattern: /^farther from its site than the (\w+) range$/, key: 'range', params: (m) => ({ kind: m[1] }) },
];

/**
 * A matching report's reason in the reader's language (the site kind through site.kinds); a reason this does
 * not know is shown as core wrote it.
 * @example matchReasonText('outside the project grid', t) // '位于项目栅格范围之外'
 */
export function matchReasonText(reason: string, t: Translate): string {
  for (const r of REASONS) {
    const m = r.pattern.exec(reason);
    if (!m) continue;
    const params = r.params(m);
    if (params.kind) params.kind = t(`site.kinds.${params.kind}`);
    return t(`calibration.reasons.${r.key}`, params);
  }
  return reason;
}

/** "file line N" (matchDriveTest's examples) in the reader's language. */
export function matchExampleText(example: string, t: Translate): string {
  const m = /^(.*) line (\d+)$/.exec(example);
  return m ? t('calibration.example', { file: m[1], line: m[2] }) : example;
}
