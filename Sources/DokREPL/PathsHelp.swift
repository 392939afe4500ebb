/// The `paths` help topic (`:help paths`, `dok help paths`): naming things by path instead of id.
enum PathsHelp {
  static let text = """
    Every <kind>Id parameter has a twin that takes a path, resolved to the id before anything is sent,
    so a runbook written on one server runs on another with the same names (ids differ):
      project.one project=shop                         projectId
      environment.one environment=shop/staging         environmentId (shop alone: its default environment)
      application.deploy application=shop/staging/web  applicationId (shop/web: in the default environment)
      compose= postgres= mysql= mariadb= mongo= redis= libsql=   likewise;  server=NAME  serverId
    A name with spaces is quoted (application="my shop/web"); a / inside a name is \\/ (a\\/b).
    dok reads project.all once (environment.one for databases' names) and again after a mutation.
    No match: NOT_FOUND with "did you mean"; several: AMBIGUOUS listing each id (exit 3, nothing sent).
    Both applicationId= and application= is an error dok check reports (exit 2).
    Tab completes a path one name at a time: application=sh<Tab> → shop/, then its environments, then services.
    See the tree:  dok ls [PATH]  or  :ls [PATH]   (kind, status, last deployment, domains; -o json|yaml).
    Paths work in runbooks, at the prompt, deploy, dok call (--curl, --wait), dok logs shop/web, :logs.
    More: docs/paths.md.
    """
}
