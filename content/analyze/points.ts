import { POINT_MARKER } from './text-rules';

const MAX_LEAD_CHARS = 28;
const MAX_COMMA_LEAD_CHARS = 24;

export interface PointParts {
  marker?: string;
  lead: string;
  text: string;
}

/**
 * Split a paragraph that opens with a short lead-in sentence into its lead and body:
 * 「全力复工复产。出台……」, 「一是抓项目扩投资。……」, 「——持之以恒保障改善民生。……」.
 * Null when the paragraph has no lead-in.
 */
export function matchPoint(text: string): PointParts | null {
  const marker = POINT_MARKER.exec(text);
  const rest = marker ? text.slice(marker[0].length) : text;
  const m = /^([^。！？!?；;：:]{2,})([。！？!?；;：:])/.exec(rest);
  if (!m || !m[1]) return null;
  const lead = m[1].trim();
  const body = rest.slice(m[0].length).trim();
  if (lead.length > MAX_LEAD_CHARS || body.length === 0) return null;
  const commas = lead.split(/[，,]/);
  if (!marker && commas.length > 1) {
    // 「加强基层党组织建设,全面筑牢战斗堡垒。」 is a two-part lead-in; 「8月12日,全会召开。」 and
    // 「上半年,绿园以……,推动……。」 are ordinary sentences that open with a time or run on
    if (commas.length > 2 || m[2] !== '。' || lead.length > MAX_COMMA_LEAD_CHARS || /\d/.test(lead))
      return null;
    if (commas.some((part) => part.trim().length < 4)) return null;
  }
  const markerText = marker?.[1];
  return markerText ? { marker: markerText, lead, text: body } : { lead, text: body };
}
