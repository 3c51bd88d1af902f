/**
 * The stress suite runs against a private build of the CLI like the normal suite
 * (test/support/global-setup.ts): a stress run spawns processes for minutes, and a rebuild
 * of `dist/` by any other run meanwhile would otherwise break them half-way.
 */
export { default } from '../../support/global-setup';
