import DokCore
import DokployDocument

extension Routers {

  /// `docker system df` as `getDockerDiskUsage` maps it.
  static let diskUsage: JSON = [
    ["type": "Images", "totalCount": 3, "active": 2, "size": "1.2GB", "reclaimable": "240MB (20%)", "sizeBytes": 1_200_000_000],
    ["type": "Containers", "totalCount": 2, "active": 2, "size": "12kB", "reclaimable": "0B (0%)", "sizeBytes": 12000],
    ["type": "Local Volumes", "totalCount": 2, "active": 2, "size": "48MB", "reclaimable": "0B (0%)", "sizeBytes": 48_000_000],
    ["type": "Build Cache", "totalCount": 0, "active": 0, "size": "0B", "reclaimable": "0B", "sizeBytes": 0],
  ]

  /// `/etc/dokploy/traefik` as `readDirectory` lists it (TreeDataItem[]).
  static let traefikTree: JSON = [
    ["id": "/etc/dokploy/traefik/traefik.yml", "name": "traefik.yml", "type": "file"],
    [
      "id": "/etc/dokploy/traefik/dynamic", "name": "dynamic", "type": "directory",
      "children": [
        ["id": "/etc/dokploy/traefik/dynamic/dokploy.yml", "name": "dokploy.yml", "type": "file"],
        ["id": "/etc/dokploy/traefik/dynamic/middlewares.yml", "name": "middlewares.yml", "type": "file"],
      ],
    ],
  ]

  /// The main `traefik.yml` a fresh install writes.
  static let traefikYAML = """
    providers:
      swarm:
        exposedByDefault: false
        watch: true
      docker:
        exposedByDefault: false
        watch: true
        network: dokploy-network
      file:
        directory: /etc/dokploy/traefik/dynamic
        watch: true
    entryPoints:
      web:
        address: :80
      websecure:
        address: :443
        http3:
          advertisedPort: 443
        http:
          tls:
            certResolver: letsencrypt
    api:
      insecure: true

    """

  /// `dynamic/dokploy.yml`: the web server's router.
  static let webServerYAML = """
    http:
      routers:
        dokploy-router-app:
          rule: Host(`dokploy.docker.localhost`) && PathPrefix(`/`)
          service: dokploy-service-app
          entryPoints:
            - web
      services:
        dokploy-service-app:
          loadBalancer:
            servers:
              - url: http://dokploy:3000
            passHostHeader: true

    """

  /// `dynamic/middlewares.yml` on a fresh install.
  static let middlewaresYAML = """
    http:
      middlewares:
        redirect-to-https:
          redirectScheme:
            scheme: https
            permanent: true

    """
}
