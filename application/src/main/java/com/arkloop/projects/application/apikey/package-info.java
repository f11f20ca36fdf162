/**
 * API keys: minting (user tokens only), listing, revoking, and authenticating a presented key, with a
 * short in-process cache of known keys and last-use times written in batches off the request path.
 */
package com.arkloop.projects.application.apikey;
