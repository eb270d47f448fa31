import { buildReport } from '../import';
import { textToRawBlocks } from '../import/text';
import type { Report } from '../model/report';
import { SAMPLE_REPORT_NAME, SAMPLE_REPORT_TEXT } from './sample-report';

/** The built-in sample report, parsed. */
export function sampleReport(): Report {
  return buildReport({ format: 'sample', blocks: textToRawBlocks(SAMPLE_REPORT_TEXT) }, SAMPLE_REPORT_NAME);
}
