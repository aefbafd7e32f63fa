package dev.wirelab.chat.socketio;

import dev.wirelab.chat.socketio.adapter.Adapter;
import dev.wirelab.chat.socketio.adapter.InMemoryAdapter;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;

/** Creates the adapter of each namespace; a cluster adapter plugs in here. */
@FunctionalInterface
public interface AdapterFactory {
  /** The default: rooms and the recovery log in this process's memory. */
  AdapterFactory IN_MEMORY =
      (namespace, local, options) ->
          new InMemoryAdapter(local, options.recovery(), options.clock());

  Adapter create(String namespace, LocalNamespace local, SocketIoOptions options);
}
