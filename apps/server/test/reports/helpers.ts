import type { Report, ReportPreview } from '@fazhi/contracts';
import JSZip from 'jszip';
import { expect } from 'vitest';
import type { Client } from '../harness';

/** Creates a report and returns it. */
export async function createReport(c: Client, body: Record<string, unknown>): Promise<Report> {
  const res = await c.post<Report>('/api/reports', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function saveSection(c: Client, r: Report, code: string, body: string): Promise<Report> {
  const sec = r.sections.find((s) => s.code === code);
  if (!sec) throw new Error(`no section ${code}`);
  const res = await c.put<Report>(`/api/reports/${r.id}/sections/${code}`, { version: sec.version, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The plain text of a preview (figures by their display). */
export function previewText(p: ReportPreview): string {
  return p.sections
    .map((s) =>
      [
        s.title,
        ...s.paragraphs.map((para) =>
          para.runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join(''),
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** word/document.xml (and other parts) of a .docx. jszip is a dependency of the docx package. */
export async function docxParts(raw: ArrayBuffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(Buffer.from(raw));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const f = zip.file(name);
    if (f && name.endsWith('.xml')) out[name] = await f.async('string');
  }
  return out;
}

/** The text of word/document.xml, paragraph by paragraph. */
export function docxText(documentXml: string): string {
  return documentXml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}
