// Which verifier address printed seals carry (seal-kq1 v1.1, the URL form): the configured page, only while the
// trust list names it official. Any other address would make every verifier refuse the paper as "unofficial
// verifier address", so the kiosk prints the bare `KQ1:` form instead and tells staff, once per change.

export function createSealVerifierUrl(
  configured: string | null,
  officialUrls: () => readonly string[],
  notOfficial: () => void,
): () => string | null {
  let toldStaff = false;
  return () => {
    if (configured === null) return null;
    const official = officialUrls().includes(configured);
    if (!official && !toldStaff) notOfficial();
    toldStaff = !official;
    return official ? configured : null;
  };
}
