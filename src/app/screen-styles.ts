import { adoptEntityTypeStyles } from './entity-type-styles';
// The features' styles, loaded with the first screen's code and strings (route-modules.ts), asked
// for at the same moment: the page shell (index.html) carries only its own styles and the fonts.
// Order matters (later files win ties): as listed.
import '../features/reader/reader.css';
import '../features/library/library.css';
import '../features/settings/settings.css';
import '../features/sharing/sharing.css';
import '../features/annotations/annotations.css';
import '../features/entities/entities.css';
import '../features/names/names.css';


// The per-type rules of the entity marks (generated from the entity-type module), adopted once.
adoptEntityTypeStyles();
