import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchQueue, projectFilesIn } from '../../main/launch';

describe('project files on the command line (a double-clicked .briefing)', () => {
  const cwd = resolve('/home/staff/文档');

  it('takes .briefing paths, made absolute from the working directory, and ignores switches and other files', () => {
    const argv = [
      '--no-sandbox',
      '--enable-features=Foo',
      '.',
      '上半年总结.briefing',
      resolve('/mnt/u/汇报材料.BRIEFING'),
      '报告.docx',
      '--flag=x.briefing',
    ];
    expect(projectFilesIn(argv, cwd)).toEqual([
      join(cwd, '上半年总结.briefing'),
      resolve('/mnt/u/汇报材料.BRIEFING'),
    ]);
  });

  it('finds nothing when the app is started plainly', () => {
    expect(projectFilesIn([], cwd)).toEqual([]);
    expect(projectFilesIn(['.'], cwd)).toEqual([]);
  });

  it('hands files out oldest first, once each, then null', () => {
    const q = new LaunchQueue();
    expect(q.add([])).toBe(false);
    expect(q.add(['/a.briefing', '/b.briefing'])).toBe(true);
    q.add(['/a.briefing', '/c.briefing']);
    expect([q.take(), q.take(), q.take(), q.take()]).toEqual([
      '/a.briefing',
      '/b.briefing',
      '/c.briefing',
      null,
    ]);
  });
});
