import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../content/model/report';
import { sectionPickState } from '../../content/briefing/select';
import { useStore } from '../store/store';

function SectionRow({ section }: { section: Section }) {
  const { t } = useTranslation();
  const briefing = useStore((s) => s.briefing);
  const toggle = useStore((s) => s.toggleSection);
  const state = sectionPickState(briefing, section);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);
  const title = `${section.number ?? ''}${section.title}`;
  return (
    <li>
      <label className="outline-row" data-level={section.level}>
        <input
          ref={box}
          type="checkbox"
          checked={state === 'all'}
          aria-label={t('outline.select', { title })}
          onChange={(e) => toggle(section.id, e.target.checked)}
        />
        <span>{title}</span>
      </label>
      {section.sections.length > 0 && (
        <ul>
          {section.sections.map((child) => (
            <SectionRow key={child.id} section={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function Outline() {
  const { t } = useTranslation();
  const report = useStore((s) => s.report);
  if (!report) return null;
  return (
    <nav className="pane outline" aria-label={t('outline.heading')}>
      <h2>{t('outline.heading')}</h2>
      <p className="report-title">{report.title}</p>
      {report.sections.length === 0 ? (
        <p className="muted">{t('outline.empty')}</p>
      ) : (
        <ul className="outline-tree">
          {report.sections.map((s) => (
            <SectionRow key={s.id} section={s} />
          ))}
        </ul>
      )}
    </nav>
  );
}
