/**
 * The use cases, one final class each, and what they need from the outside world besides the
 * domain's repositories: transactions, a clock and fresh ids. No framework is imported here.
 */
package com.arkloop.projects.application;
