import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../core/result';
import { formatterFor, languageOf } from '../../core/text';
import type { Host } from '../host';
import { buildCountyReport } from '../report/buildCountyReport';
import type { PlanCompute } from '../session/PlanCompute';
import type { ProjectSession } from '../session/ProjectSession';

interface Props {
  session: ProjectSession;
  compute: PlanCompute;
  host: Host;
}

/** How the report leaves the app: an A4 PDF (desktop) or the HTML file (always). */
type Delivery = 'pdf' | 'html';

/**
 * One click, one county report in the UI's language. The desktop app offers an A4 PDF (printed by main) and
 * the self-contained HTML; the browser build the HTML (a download). Says where it went or why not.
 * (A browser print of the report would inherit the app's CSP, which blocks the report's inline styles.)
 */
export function CountyReportButton({ session, compute, host }: Props) {
  const { t, i18n } = useTranslation();
  // kept as a key and its values, worded at render: a language switch rewords it
  const [message, setMessage] = useState<{ key: string; values?: Record<string, string>; isError: boolean } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const make = async (delivery: Delivery) => {
    setBusy(true);
    setMessage({ key: delivery === 'pdf' ? 'reportPdf.making' : 'report.making', isError: false });
    try {
      const f = formatterFor(languageOf(i18n.language));
      const language = f.language;
      const html = buildCountyReport(session, compute, (key, options) => t(key, options), f, new Date());
      const county = language === 'zh' ? session.county.name : session.county.nameEn;
      const done = await deliver(delivery, html, county);
      if (!done.ok) setMessage({ key: 'report.failed', values: { reason: done.message }, isError: true });
      else setMessage(done.value ? { key: 'report.saved', values: { name: done.value.name }, isError: false } : null);
    } catch (err) {
      setMessage({ key: 'report.failed', values: { reason: err instanceof Error ? err.message : String(err) }, isError: true });
    } finally {
      setBusy(false);
    }
  };
  const deliver = (delivery: Delivery, html: string, county: string): Promise<Result<{ name: string } | null>> => {
    if (delivery === 'pdf' && host.saveReportPdf) {
      return host.saveReportPdf({ suggestedName: t('reportPdf.fileName', { county }), html });
    }
    return host.saveFile({
      purpose: 'save-report-html',
      suggestedName: t('report.fileName', { county }),
      bytes: new TextEncoder().encode(html),
    });
  };
  const isDisabled = isBusy || compute.getSnapshot().status !== 'ready';
  return (
    <div className="report-action">
      {host.saveReportPdf && (
        <button type="button" className="primary" disabled={isDisabled} onClick={() => void make('pdf')} data-testid="county-report-pdf">
          {t('reportPdf.pdf')}
        </button>
      )}
      <button
        type="button"
        className={host.saveReportPdf ? 'secondary' : 'primary'}
        disabled={isDisabled}
        onClick={() => void make('html')}
        data-testid="county-report"
        title={host.saveReportPdf ? t('reportPdf.htmlTitle') : undefined}
      >
        {host.saveReportPdf ? t('reportPdf.html') : t('report.button')}
      </button>
      {message && (
        <span className={message.isError ? 'warning small' : 'muted small'} role={message.isError ? 'alert' : 'status'} data-testid="report-status">
          {t(message.key, message.values)}
        </span>
      )}
    </div>
  );
}
