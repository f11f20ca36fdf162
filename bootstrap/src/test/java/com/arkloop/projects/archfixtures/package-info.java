/**
 * Deliberately broken code, shaped like the real modules, that the architecture rules must reject.
 * It exists only in test sources and is never imported by the real architecture test.
 */
package com.arkloop.projects.archfixtures;
