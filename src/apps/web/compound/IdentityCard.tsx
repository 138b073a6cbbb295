import type { CompoundDetail } from "../api.js";

/** Names and identifiers of a compound, and where the identity comes from. */
export function IdentityCard({ compound }: { compound: CompoundDetail }) {
  const { computed } = compound;
  const cid = compound.pubchemCid;
  return (
    <section className="card" aria-labelledby="identity-heading">
      <h2 id="identity-heading">Identity</h2>
      <dl className="identity">
        <dt>Name</dt>
        <dd>{compound.name}</dd>
        <dt>Synonyms</dt>
        <dd>
          {compound.synonyms.length > 0 ? compound.synonyms.join("; ") : <span className="muted">—</span>}
        </dd>
        <dt>CAS RN</dt>
        <dd className="mono">{compound.cas ?? <span className="muted">—</span>}</dd>
        <dt>PubChem CID</dt>
        <dd className="mono">
          {cid !== null && cid !== undefined && cid !== "" ? (
            <a
              href={`https://pubchem.ncbi.nlm.nih.gov/compound/${encodeURIComponent(String(cid))}`}
              target="_blank"
              rel="noreferrer"
            >
              {cid}
            </a>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
        <dt>SMILES</dt>
        <dd className="mono wrap-anywhere" data-testid="smiles">
          {compound.smiles}
        </dd>
        <dt>Canonical SMILES</dt>
        <dd className="mono wrap-anywhere">{computed.canonicalSmiles}</dd>
        <dt>InChI</dt>
        <dd className="mono wrap-anywhere">
          {computed.inchi ?? <span className="muted">not representable in InChI</span>}
        </dd>
        <dt>InChIKey</dt>
        <dd className="mono wrap-anywhere" data-testid="inchikey">
          {computed.inchiKey ?? compound.inchiKey ?? <span className="muted">—</span>}
          {computed.inchiKey && compound.inchiKey && compound.inchiKey !== computed.inchiKey && (
            <span className="identity__warning">
              recorded {compound.inchiKey}: differs from the structure's computed key
            </span>
          )}
        </dd>
        <dt>Identity source</dt>
        <dd className="identity__source">{compound.identitySource}</dd>
      </dl>
    </section>
  );
}
