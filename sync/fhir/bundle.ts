import type { FhirResource } from './fhir-resource';

export interface SearchPage {
  /** Absolute URL of the search without its cursor, e.g. https://centre/fhir/R5/SupplyRequest. */
  url: string;
  /** The search's parameters as received (without `_cursor`). */
  params: readonly [string, string][];
  /** The cursor this page started after. */
  after: number;
  /** The cursor to continue from, when there may be more. */
  next: number | undefined;
  resources: readonly FhirResource[];
  /** When the page was made (the endpoint's clock). */
  timestamp: string;
}

function linkTo(url: string, params: readonly [string, string][], cursor: number): string {
  const query = new URLSearchParams([...params]);
  if (cursor > 0) query.set('_cursor', String(cursor));
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

/** A searchset Bundle: the page's resources, its own link and, while more may follow, `next`. */
export function searchsetBundle(page: SearchPage): FhirResource {
  const base = page.url.slice(0, page.url.lastIndexOf('/'));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: page.timestamp,
    link: [
      { relation: 'self', url: linkTo(page.url, page.params, page.after) },
      ...(page.next !== undefined
        ? [{ relation: 'next', url: linkTo(page.url, page.params, page.next) }]
        : []),
    ],
    entry: page.resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
