import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { PowerList, ImportReportType } from '../../db/entities/PowerList';
import { ImportError, commitImport, deleteList, prepareImport } from '../../db/importer';
import { ErrorCode } from '../errors';
import type { Context } from '../loaders';
import { localIdOf } from '../node';

export const ContentEncodingEnum = { TEXT: 'TEXT', BASE64: 'BASE64' } as const;
type ContentEncoding = keyof typeof ContentEncodingEnum;
registerEnumType(ContentEncodingEnum, {
  name: 'ContentEncoding',
  description: '文件内容的传送方式。How the document content is sent.',
  valuesConfig: {
    TEXT: { description: '文本（UTF-8）。As text (UTF-8).' },
    BASE64: { description: 'Base64 编码的原始字节（GBK 等编码、Excel 文件用此）。The raw bytes in base64 (for GBK text, spreadsheets and other binary files).' },
  },
});

@InputType({ description: '导入一份清单。A document to import.' })
class ImportListInput {
  @Field({ description: '文件内容。The document.' })
  content: string;
  @Field(() => ContentEncodingEnum, { defaultValue: 'TEXT', description: 'content 的编码。How content is encoded.' })
  contentEncoding: ContentEncoding;
  @Field({ description: '文件名（扩展名决定读法；也用于清单 ID）。File name: its extension decides how it is read; it also keys the list.' })
  filename: string;
  @Field(() => ID, { nullable: true, description: '清单所属区划代码；缺省时从文档推断。Code of the jurisdiction whose list this is; inferred from the document when absent.' })
  jurisdictionCode?: string | null;
  @Field(() => String, { nullable: true, description: '发布部门；缺省时从文档读取。Publishing department; read from the document when absent.' })
  department?: string | null;
  @Field({ defaultValue: false, description: '只读取和校验，不写入。Read and check only; store nothing.' })
  dryRun: boolean;
}

@ObjectType({ description: '用户输入的问题（不是服务故障）。A problem with the input, not a fault of the service.' })
class UserError {
  @Field({ description: '说明。What is wrong.' })
  message: string;
  @Field(() => [String], { nullable: true, description: '出错的输入字段路径。Path of the input field at fault.' })
  field?: string[] | null;
  @Field(() => Int, { nullable: true, description: '文档中的行号。Line of the document, when known.' })
  line?: number | null;
}

@ObjectType({ description: '导入结果。What an import did.' })
class ImportListPayload {
  @Field(() => [PowerList], { description: '写入（或未变）的清单；试运行或出错时为空。Lists stored (or already stored, unchanged); empty for a dry run or an error.' })
  lists: PowerList[];
  @Field(() => ImportReportType, { nullable: true, description: '读取报告；出错时为空。How the document was read; null on error.' })
  report: ImportReportType | null;
  @Field(() => Int, { description: '读出的事项数。Items read from the document.' })
  itemCount: number;
  @Field({ description: '与已存内容字节相同，未写入也未产生修订号。Same bytes as stored: nothing written, no revision.' })
  unchanged: boolean;
  @Field(() => Int, { nullable: true, description: '导入后的修订号；试运行或出错时为空。The revision after the import; null for a dry run or an error.' })
  revision: number | null;
  @Field(() => Int, { description: '新增或重写的事项数。Items inserted or rewritten.' })
  itemsUpserted: number;
  @Field(() => Int, { description: '删除的事项数。Items removed.' })
  itemsRemoved: number;
  @Field(() => [UserError], { description: '输入问题；非空时未写入任何内容。Problems with the input; when any, nothing was stored.' })
  userErrors: UserError[];
}

@ObjectType({ description: '删除清单的结果。What deleting a list did.' })
class DeleteListPayload {
  @Field(() => ID, { nullable: true, description: '被删除清单的全局 ID。Global ID of the list deleted.' })
  deletedListId: string | null;
  @Field(() => Int, { description: '随清单删除的事项数。Items deleted with it.' })
  itemsRemoved: number;
  @Field(() => Int, { description: '删除后的修订号。The revision after the delete.' })
  revision: number;
  @Field(() => [UserError], { description: '输入问题（如清单不存在）。Problems with the input, such as no such list.' })
  userErrors: UserError[];
}

/** Writes need the configured token; with none configured they are off. */
function requireWriter(ctx: Context): void {
  if (ctx.write === 'off') throw new GraphQLError('writes are off: the server has no write token (set WRITE_TOKEN)', { extensions: { code: ErrorCode.FORBIDDEN } });
  if (ctx.write !== 'granted') throw new GraphQLError('writes need the header Authorization: Bearer <write token>', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportListPayload, {
    description:
      '导入（或替换）一份清单：整份成功或整份不变。相同字节再次导入不写入；改动过的清单只改动变了的事项。需要 Authorization: Bearer <写入令牌>。' +
      ' Imports (or replaces) a list, all or nothing. The same bytes again change nothing; a changed list rewrites only the items that changed. Needs Authorization: Bearer <write token>.',
  })
  async importList(@Arg('input', () => ImportListInput, { description: '文档与其归属。The document and where it belongs.' }) input: ImportListInput, @Ctx() ctx: Context): Promise<ImportListPayload> {
    requireWriter(ctx);
    const failed = (e: UserError): ImportListPayload => ({ lists: [], report: null, itemCount: 0, unchanged: false, revision: null, itemsUpserted: 0, itemsRemoved: 0, userErrors: [e] });
    if (input.contentEncoding === 'BASE64' && !BASE64.test(input.content)) return failed({ message: 'content is not base64', field: ['input', 'content'] });
    if (input.jurisdictionCode != null && !/^\d{6}$/.test(input.jurisdictionCode)) return failed({ message: `jurisdictionCode must be a 6-digit GB/T 2260 code, got "${input.jurisdictionCode}"`, field: ['input', 'jurisdictionCode'] });
    if (!input.filename.trim()) return failed({ message: 'filename is empty', field: ['input', 'filename'] });
    const bytes = Buffer.from(input.content, input.contentEncoding === 'BASE64' ? 'base64' : 'utf8');
    let prepared;
    try {
      prepared = prepareImport({ bytes, fileName: input.filename, jurisdictionCode: input.jurisdictionCode ?? undefined, department: input.department ?? undefined });
    } catch (e) {
      if (e instanceof ImportError) return failed({ message: e.message, field: ['input', 'content'], line: e.line });
      throw e;
    }
    const report = prepared.record.report ? ImportReportType.from(prepared.record.report) : null;
    const itemCount = prepared.lists.reduce((n, l) => n + l.items.length, 0);
    if (input.dryRun) return { lists: [], report, itemCount, unchanged: false, revision: null, itemsUpserted: 0, itemsRemoved: 0, userErrors: [] };
    let result;
    try {
      result = await commitImport(ctx.ds, prepared);
    } catch (e) {
      if (e instanceof ImportError) return failed({ message: e.message, field: ['input', 'content'], line: e.line });
      throw e;
    }
    if (!result.unchanged) ctx.afterWrite?.();
    return { lists: result.lists, report, itemCount, unchanged: result.unchanged, revision: result.revision, itemsUpserted: result.itemsUpserted, itemsRemoved: result.itemsRemoved, userErrors: [] };
  }

  @Mutation(() => DeleteListPayload, { description: '删除一份清单及其事项（法规与条款保留）。需要写入令牌。Deletes a list and its items (statutes and articles stay). Needs the write token.' })
  async deleteList(@Arg('id', () => ID, { description: '清单的全局 ID。Global ID of the list.' }) id: string, @Ctx() ctx: Context): Promise<DeleteListPayload> {
    requireWriter(ctx);
    const r = await deleteList(ctx.ds, localIdOf(id, 'PowerList'));
    if (!r.deleted) return { deletedListId: null, itemsRemoved: 0, revision: r.revision, userErrors: [{ message: `no list with ID ${id}`, field: ['id'] }] };
    ctx.afterWrite?.();
    return { deletedListId: id, itemsRemoved: r.itemsRemoved, revision: r.revision, userErrors: [] };
  }
}
