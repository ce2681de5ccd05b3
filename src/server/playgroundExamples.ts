/**
 * The operations the playground opens with, one tab each: what the service
 * does, runnable on the seed lists as shipped (tests/server/playground.test.ts
 * runs every one of them against the seeds).
 */
export interface PlaygroundExample {
  /** Shown in the tab (GraphiQL names a tab after its operation). */
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Needs the write token (not run by the examples test). */
  write?: boolean;
}

export const PLAYGROUND_EXAMPLES: PlaygroundExample[] = [
  {
    operationName: 'Subtree',
    query: `# 一个区划的下级及其清单：伊犁哈萨克自治州以下的县，和各自发布的清单。
# A jurisdiction's subtree with its lists: the counties under 伊犁哈萨克自治州 and the lists each has published.
query Subtree($code: ID!) {
  jurisdiction(code: $code) {
    name
    level
    ancestors { name }
    listCount(includeDescendants: true)
    children {
      code
      name
      lists { edges { node { department itemCount importedAt } } }
    }
  }
}`,
    variables: { code: '654000' },
  },
  {
    operationName: 'ItemWithCitations',
    query: `# 一个事项：来源、引用的法条，以及其他地方引用同一条的事项。
# An item: where it came from, the articles it cites, and items elsewhere that cite the same article.
query ItemWithCitations($code: ID!) {
  items(jurisdictionCode: $code, first: 1) {
    edges {
      node {
        name
        powerTypes
        jurisdiction { name }
        list { sourceFile }
        sourceLines
        citations { textAsWritten status statute { title } article { label } line }
        relatedItems(first: 5) {
          totalCount
          edges { articles { label } node { name jurisdiction { name } } }
        }
      }
    }
  }
}`,
    variables: { code: '654028' },
  },
  {
    operationName: 'Article',
    query: `# 一条法条，以及引用它的所有事项和区划；各清单引用它时的原文。
# An article with everything that cites it: items, places, and the wording lists quote for it.
query Article($statute: String!, $number: Int!) {
  article(statute: $statute, number: $number) {
    label
    text
    statute { title category }
    jurisdictions { edges { node { name } } }
    items { totalCount edges { node { name jurisdiction { name } } } }
    quotes { text count }
  }
}`,
    variables: { statute: '《中华人民共和国社会保险法》', number: 87 },
  },
  {
    operationName: 'Search',
    query: `# 全文检索：名称、依据和责任事项，按相关度排列，附命中片段。
# Full-text search over names, legal basis and duties, ranked, with the matching snippets.
query Search($text: String!) {
  searchItems(text: $text, first: 5) {
    totalCount
    edges {
      rank
      node { name jurisdiction { name } }
      snippets { field text highlights { start end } }
    }
  }
}`,
    variables: { text: '骗取 医疗保障基金' },
  },
  {
    operationName: 'CompareAcrossPlaces',
    query: `# 同一事项在不同地方：哪些地方列了它，名称、权力类型、依据是否一致（四级四同）。
# One matter across places: who lists it, and whether names, power types and cited articles agree.
query CompareAcrossPlaces($name: String!) {
  matters(filter: { name: $name }, first: 3) {
    edges {
      node {
        name
        jurisdictionCount
        jurisdictions { edges { node { name level } } }
        items { edges { node { score item { name powerTypes jurisdiction { name } } } } }
        consistency { uniform differences { aspect variants { values jurisdictionCount } } }
      }
    }
  }
}`,
    variables: { name: '对医疗救助的监督检查' },
  },
  {
    operationName: 'Changes',
    query: `# 变更流：保存最后看到的修订号，下次从它继续，每条变更恰好收到一次（删除时 node 为空）。
# The change feed: keep the last revision you saw and continue from it; every change arrives once (node is null for a delete).
query Changes($after: Int!) {
  revision
  changes(after: $after, first: 10, types: [LIST, ITEM]) {
    revision
    pageInfo { hasNextPage }
    edges {
      node {
        revision
        entityType
        operation
        changedAt
        entityId
        node { ... on PowerList { department itemCount } ... on Item { name } }
      }
    }
  }
}`,
    variables: { after: 0 },
  },
  {
    operationName: 'ImportList',
    query: `# 写入需要令牌：在下方 Headers 中把 <WRITE_TOKEN> 换成服务配置的 WRITE_TOKEN。dryRun: true 只读取、报告，不写入。
# Writes need the token: replace <WRITE_TOKEN> in Headers below with the server's WRITE_TOKEN. dryRun: true reads and reports, and stores nothing.
mutation ImportList($input: ImportListInput!) {
  importList(input: $input) {
    itemCount
    unchanged
    revision
    itemsUpserted
    itemsRemoved
    lists { department jurisdiction { name } }
    report { layout }
    userErrors { message field line }
  }
}`,
    variables: {
      input: {
        filename: 'example.txt',
        jurisdictionCode: '654028',
        department: '尼勒克县医疗保障局',
        dryRun: true,
        content: '序号\t事项名称\t权力类型\t设定依据\n1\t对骗取医疗保障基金的行政处罚\t行政处罚\t《中华人民共和国社会保险法》第八十七条\n',
      },
    },
    headers: { Authorization: 'Bearer <WRITE_TOKEN>' },
    write: true,
  },
];
