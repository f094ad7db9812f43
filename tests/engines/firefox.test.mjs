// The smoke suite (tests/engines/smoke.mjs) in Firefox ESR, headless, through geckodriver.
import { smokeSuite } from './smoke.mjs';

smokeSuite('firefox');
