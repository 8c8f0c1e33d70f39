#!/bin/sh
# The one-shot namespace job of docker-compose.yml (temporalio/admin-tools): registers the namespace the API and the
# worker use (temporalio/server, unlike auto-setup and the dev server, creates none). It starts once the server's
# healthcheck, the frontend's own health check, passes.
set -eu
: "${TEMPORAL_ADDRESS:?set TEMPORAL_ADDRESS}"
: "${NAMESPACE:?set NAMESPACE}"

if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" -n "$NAMESPACE" >/dev/null 2>&1; then
  echo "namespace $NAMESPACE exists"
else
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" -n "$NAMESPACE"
fi
