// Loaded by every page of a package (scripts/buildLms.mjs adds it): see packageLinks.ts.
import { keepLinksInPackage } from './packageLinks';

keepLinksInPackage(document);
