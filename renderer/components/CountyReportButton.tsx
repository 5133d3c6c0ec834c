import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Host } from '../host';
import { buildCountyReport } from '../report/buildCountyReport';
import type { PlanCompute } from '../session/PlanCompute';
import type { ProjectSession } from '../session/ProjectSession';

interface Props {
  session: ProjectSession;
  compute: PlanCompute;
  host: Host;
}

/**
 * One click, one county report: self-contained HTML in the UI's language, handed to the host (desktop: a
 * save dialog; browser: a download). Says where it went or why not.
 */
export function CountyReportButton({ session, compute, host }: Props) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    setMessage({ text: t('report.making'), isError: false });
    try {
      const language = i18n.language === 'en' ? 'en' : 'zh';
      const html = buildCountyReport(session, compute, (key, options) => t(key, options), language, new Date().toISOString());
      const county = language === 'zh' ? session.county.name : session.county.nameEn;
      const saved = await host.saveFile({
        title: t('report.button'),
        suggestedName: t('report.fileName', { county }),
        filters: [{ name: 'HTML', extensions: ['html'] }],
        bytes: new TextEncoder().encode(html),
      });
      if (!saved.ok) setMessage({ text: t('report.failed', { reason: saved.message }), isError: true });
      else setMessage(saved.value ? { text: t('report.saved', { name: saved.value.name }), isError: false } : null);
    } catch (err) {
      setMessage({ text: t('report.failed', { reason: err instanceof Error ? err.message : String(err) }), isError: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="report-action">
      <button type="button" className="primary" disabled={isBusy || compute.getSnapshot().status !== 'ready'} onClick={() => void make()} data-testid="county-report">
        {t('report.button')}
      </button>
      {message && (
        <span className={message.isError ? 'warning small' : 'muted small'} role={message.isError ? 'alert' : 'status'} data-testid="report-status">
          {message.text}
        </span>
      )}
    </div>
  );
}
