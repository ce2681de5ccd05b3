import { Jurisdiction } from './Jurisdiction';
import { PowerList } from './PowerList';
import { Item } from './Item';
import { ItemLevel } from './ItemLevel';
import { Statute } from './Statute';
import { Article } from './Article';
import { Citation } from './Citation';
import { Change, SyncState } from './Change';

export { Jurisdiction, PowerList, Item, ItemLevel, Statute, Article, Citation, Change, SyncState };
export const ENTITIES = [Jurisdiction, PowerList, Item, ItemLevel, Statute, Article, Citation, Change, SyncState];
