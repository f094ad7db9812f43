// The smoke suite (tests/engines/smoke.mjs) in WebKitGTK (Safari's engine) under Xvfb, through WebKitWebDriver.
import { smokeSuite } from './smoke.mjs';

smokeSuite('webkit');
