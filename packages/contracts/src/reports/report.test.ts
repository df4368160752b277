import { describe, expect, it } from 'vitest';
import { markupProblems, parseMarkup, placeholderCodes } from './report.markup';
import {
  REPORT_TRANSITIONS,
  reportActionsFrom,
  reportDeadlines,
  reportStatusNames,
  reportTransitionRefusal,
} from './report.states';

describe('report markup (公文 subset)', () => {
  it('parses paragraphs, bold lead phrases and placeholders', () => {
    const p = parseMarkup(
      '**加强备案管理。**备案{{normative_docs_filed}}件，备案率{{ normative_doc_filing_rate }}。\n\n第二段',
    );
    expect(p).toHaveLength(2);
    expect(p[0]?.runs).toEqual([
      { kind: 'text', text: '加强备案管理。', bold: true },
      { kind: 'text', text: '备案', bold: false },
      { kind: 'figure', code: 'normative_docs_filed', bold: false },
      { kind: 'text', text: '件，备案率', bold: false },
      { kind: 'figure', code: 'normative_doc_filing_rate', bold: false },
      { kind: 'text', text: '。', bold: false },
    ]);
    expect(placeholderCodes('{{a}}{{b}}{{a}}')).toEqual(['a', 'b']);
  });

  it('refuses HTML, tables, headings, links, colours and broken markup', () => {
    expect(markupProblems('正常的段落，**加粗**。{{x}}')).toEqual([]);
    for (const bad of [
      '<b>粗</b>',
      '| a | b |',
      '# 标题',
      '[链接](http://x)',
      '{color:red}红',
      '{{未闭合',
      '**单个',
    ])
      expect(markupProblems(bad).length, bad).toBeGreaterThan(0);
  });
});

describe('report state machine', () => {
  it('walks planned → … → archived; publication comes after the secrecy review', () => {
    expect(reportActionsFrom('planned')).toEqual(['start_draft']);
    expect(reportActionsFrom('review_draft')).toEqual(['revise', 'secrecy_review']);
    for (const s of ['planned', 'draft', 'discussion_draft', 'review_draft'] as const)
      expect(reportActionsFrom(s)).not.toContain('publish');
    expect(REPORT_TRANSITIONS.publish.from).toEqual(['signed', 'sent']);
    expect(reportActionsFrom('archived')).toEqual([]);
    for (const s of reportStatusNames) expect(Array.isArray(reportActionsFrom(s))).toBe(true);
    expect(reportTransitionRefusal('planned', 'publish')).toContain('不能向社会公开');
  });

  it('gives the 1 March / 1 April deadlines of the following year', () => {
    expect(reportDeadlines(2025)).toEqual({ sendBy: '2026-03-01', publishBy: '2026-04-01' });
  });
});
