/** Every sqlite migration, in order (written by scripts/index-migrations.js). Listed so the app, the CLI and the tests load the same set. */
import { Init1795495706999 } from './1795495706999-Init';
import { ImportReport1795496421866 } from './1795496421866-ImportReport';
import { CitationStatus1795500101171 } from './1795500101171-CitationStatus';
import { JurisdictionShortName1795505506597 } from './1795505506597-JurisdictionShortName';
import { CitationOrder1795510394157 } from './1795510394157-CitationOrder';
import { ImportedAtIndex1795510722069 } from './1795510722069-ImportedAtIndex';
import { Search1795600000000 } from './1795600000000-Search';
import { SearchTexts1795700000000 } from './1795700000000-SearchTexts';
import { ChangeLog1795800000000 } from './1795800000000-ChangeLog';

export const SQLITE_MIGRATIONS: Function[] = [Init1795495706999, ImportReport1795496421866, CitationStatus1795500101171, JurisdictionShortName1795505506597, CitationOrder1795510394157, ImportedAtIndex1795510722069, Search1795600000000, SearchTexts1795700000000, ChangeLog1795800000000];
