// "Did you mean ...?" for misspelt names: the closest candidate within a small edit distance.

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `name`, if any is close enough to be a typo: a case-insensitive match,
 * else the nearest within a few edits, else the shortest candidate containing `name` ("Memory" -> "MemorySize", "Url" -> "QueueUrl").
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 4)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let containing: string | undefined;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const d = editDistance(lower, other, limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
    if (lower.length >= 3 && other.includes(lower) && (!containing || candidate.length < containing.length)) {
      containing = candidate;
    }
  }
  return best ?? containing;
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestName(name, candidates);
  return match ? ` (did you mean '${match}'?)` : "";
}
