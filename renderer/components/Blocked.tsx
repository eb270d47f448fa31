import { useTranslation } from 'react-i18next';
import type { Notice } from '../store/ui-slice';

/**
 * The whole page when it cannot work at all (opened without its access token): the error and
 * how to open the right address, and nothing else — no toolbar, no sample, no buttons that fail.
 */
export function Blocked({ notice }: { notice: Notice }) {
  const { t, i18n } = useTranslation();
  return (
    <main className="blocked" role="alert" aria-labelledby="blocked-heading">
      <h1 id="blocked-heading">{t('blocked.heading')}</h1>
      <p className="blocked-message">{i18n.language === 'en' ? notice.en : notice.zh}</p>
      <h2>{t('blocked.howHeading')}</h2>
      <ol>
        <li>{t('blocked.step1')}</li>
        <li>
          {t('blocked.step2')} <code>{`${window.location.origin}/#token=…`}</code>
        </li>
        <li>{t('blocked.step3')}</li>
      </ol>
    </main>
  );
}
