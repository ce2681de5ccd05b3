/** Every postgres migration, in order (written by scripts/index-migrations.js). Listed so the app, the CLI and the tests load the same set. */
import { Init1795495707879 } from './1795495707879-Init';
import { ImportReport1795496424085 } from './1795496424085-ImportReport';
import { CitationStatus1795500102736 } from './1795500102736-CitationStatus';
import { JurisdictionShortName1795505507814 } from './1795505507814-JurisdictionShortName';
import { CitationOrder1795510400361 } from './1795510400361-CitationOrder';
import { ImportedAtIndex1795510722070 } from './1795510722070-ImportedAtIndex';
import { Search1795600000000 } from './1795600000000-Search';
import { SearchTexts1795700000000 } from './1795700000000-SearchTexts';
import { ChangeLog1795800000000 } from './1795800000000-ChangeLog';

export const POSTGRES_MIGRATIONS: Function[] = [Init1795495707879, ImportReport1795496424085, CitationStatus1795500102736, JurisdictionShortName1795505507814, CitationOrder1795510400361, ImportedAtIndex1795510722070, Search1795600000000, SearchTexts1795700000000, ChangeLog1795800000000];
