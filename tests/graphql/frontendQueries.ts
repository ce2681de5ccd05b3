/**
 * The representative frontend queries: one per kind of page a team builds on
 * the API. The statement-budget test runs them on both backends, and the API
 * benchmark (bench/api) measures them at national scale.
 */
import type { DataSource } from 'typeorm';
import { sql } from '../../src/db/bulk';
import { toGlobalId } from '../../src/graphql/node';

export interface FrontendQuery {
  name: string;
  /** The page it serves. */
  page: string;
  query: string;
  /** Variables picked from the data, so the same query runs on any corpus. */
  variables: (ds: DataSource) => Promise<Record<string, unknown>>;
}

/** The county with the most items of its own (ties by code). */
async function busiestCounty(ds: DataSource): Promise<string> {
  const [r] = await sql<{ code: string }>(ds.manager, `SELECT j.code AS code FROM jurisdiction j JOIN item i ON i.jurisdiction_code = j.code WHERE j.level = 'COUNTY' GROUP BY j.code ORDER BY COUNT(*) DESC, j.code LIMIT 1`);
  return r.code;
}

/** The article cited by most items (ties by ID), with its statute's title. */
async function mostCitedArticle(ds: DataSource): Promise<{ statute: string; number: number; articleId: string }> {
  const [r] = await sql<{ title: string; number: number; id: string }>(
    ds.manager,
    `SELECT s.title AS title, a.number AS number, a.id AS id FROM article a JOIN statute s ON s.id = a.statute_id JOIN citation c ON c.article_id = a.id GROUP BY a.id, s.title, a.number ORDER BY COUNT(*) DESC, a.id LIMIT 1`,
  );
  return { statute: r.title, number: Number(r.number), articleId: r.id };
}

export const FRONTEND_QUERIES: FrontendQuery[] = [
  {
    name: 'jurisdiction',
    page: 'A county\'s page: where it sits, its neighbours beneath, its lists and the first page of its items.',
    query: `query JurisdictionPage($code: ID!) {
  jurisdiction(code: $code) {
    id code name shortName level
    ancestors { code name }
    children { code name listCount }
    lists(first: 10) { totalCount edges { node { id department title itemCount importedAt } } }
    items(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name powerTypes list { department } } } }
  }
}`,
    variables: async (ds) => ({ code: await busiestCounty(ds) }),
  },
  {
    name: 'item',
    page: 'An item\'s page: what it is, where it was read, what it cites, and the items in other places citing the same articles.',
    query: `query ItemPage($id: ID!) {
  node(id: $id) {
    ... on Item {
      id name subItem powerTypes body legalBasis sourceLines
      jurisdiction { code name ancestors { name } }
      list { id department sourceFile }
      citations { id textAsWritten statute { id title category } article { id number label } }
      relatedItems(first: 20) { totalCount edges { articles { label } node { id name jurisdiction { code name } } } }
    }
  }
}`,
    variables: async (ds) => {
      const { articleId } = await mostCitedArticle(ds);
      // An item of a county under a prefecture, so the page always walks two ancestors.
      const [r] = await sql<{ id: string }>(
        ds.manager,
        `SELECT c.item_id AS id FROM citation c JOIN item i ON i.id = c.item_id JOIN jurisdiction j ON j.code = i.jurisdiction_code JOIN jurisdiction p ON p.code = j.parent_code
         WHERE c.article_id = ? AND j.level = 'COUNTY' AND p.level = 'PREFECTURE' ORDER BY c.item_id LIMIT 1`,
        [articleId],
      );
      return { id: toGlobalId('Item', r.id) };
    },
  },
  {
    name: 'article',
    page: 'An article\'s page: the statute, the places whose lists cite it and the items citing it, first pages.',
    query: `query ArticlePage($statute: String!, $number: Int!) {
  article(statute: $statute, number: $number) {
    id number label
    statute { id title category documentNumber }
    jurisdictions(first: 20) { totalCount edges { node { code name } } }
    items(first: 20) { totalCount edges { node { id name powerTypes jurisdiction { code name } } } }
  }
}`,
    variables: async (ds) => {
      const { statute, number } = await mostCitedArticle(ds);
      return { statute, number };
    },
  },
  {
    name: 'search',
    page: 'A search page: items whose name, basis or duties hold the words, ranked, with highlighted snippets; statutes by title beside them.',
    query: `query SearchPage($text: String!) {
  searchItems(text: $text, first: 20) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { rank snippets { field text highlights { start end } } node { id name powerTypes jurisdiction { code name } } }
  }
  searchStatutes(text: $text, first: 5) { totalCount edges { rank node { id title category } } }
}`,
    variables: async () => ({ text: '医疗救助' }),
  },
  {
    name: 'comparison',
    page: 'A comparison page: one power as different places list it, whether they agree (四级四同), member by member.',
    query: `query ComparisonPage($name: String!) {
  matters(filter: { name: $name, minJurisdictions: 2 }, first: 5) {
    totalCount
    edges { node {
      id name size jurisdictionCount
      consistency { uniform differences { aspect variants { values jurisdictionCount } } }
      items(first: 20) { totalCount edges { node { score item { id name powerTypes jurisdiction { code name } citations { statute { title } article { label } } } } } }
    } }
  }
}`,
    variables: async () => ({ name: '医疗救助' }),
  },
];
