/** JMH benchmarks of the hot paths whose speed the README quotes. */
package com.arkloop.projects.benchmarks;
