import { drawSample } from '../../normdocs/registers/register-sampling';

/**
 * The reproducible draw of a campaign (EVALUATION_SAMPLE_ALGORITHM): for each body, its case files of the campaign
 * year sorted by (case number, id), then the seeded partial Fisher–Yates of the 发文目录 sampling with the seed
 * "<seed>:<bodyId>" — the same seed over the same registered files always draws the same files.
 */
export function drawFiles(
  filesByBody: Map<string, { id: string; caseNo: string }[]>,
  perBody: number,
  seed: string,
): string[] {
  const out: string[] = [];
  for (const bodyId of [...filesByBody.keys()].sort()) {
    const files = [...(filesByBody.get(bodyId) ?? [])].sort((a, b) =>
      a.caseNo === b.caseNo ? (a.id < b.id ? -1 : 1) : a.caseNo < b.caseNo ? -1 : 1,
    );
    const picked = drawSample(
      files.map((_, i) => i),
      perBody,
      `${seed}:${bodyId}`,
    );
    for (const i of picked) out.push(files[i]!.id);
  }
  return out;
}
